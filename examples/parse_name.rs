//! Prints the parse of each argument as JSON (a development aid: `cargo run --example parse_name -- NAME...`).

fn main() {
    for a in std::env::args().skip(1) {
        let m = plexsync::media::parse(&a);
        println!("{}\n  {}", a, serde_json::to_string(&m).unwrap_or_default());
    }
}
