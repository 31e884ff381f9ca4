
use builtin;
use str;

set edit:completion:arg-completer[plexsync] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'plexsync'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'plexsync'= {
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file [default: ~/.config/plexsync/config.toml]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand --json 'Print JSON Lines on stdout (see docs/json.md)'
            cand -q 'No progress and no warnings'
            cand --quiet 'No progress and no warnings'
            cand -v 'More detail on stderr (repeat for more)'
            cand --verbose 'More detail on stderr (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand scan 'Walk folders and record their files in the catalog'
            cand status 'Show what the catalog knows, per root, by kind and status'
            cand parse 'Read release names: movie or episode, title, year, season, episode, quality, group'
            cand generate 'Generate shell completions or man pages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plexsync;scan'= {
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file [default: ~/.config/plexsync/config.toml]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand --hash 'Compute BLAKE3 of new and changed files'
            cand -L 'Follow symbolic links (loops are detected)'
            cand --follow 'Follow symbolic links (loops are detected)'
            cand --json 'Print JSON Lines on stdout (see docs/json.md)'
            cand -q 'No progress and no warnings'
            cand --quiet 'No progress and no warnings'
            cand -v 'More detail on stderr (repeat for more)'
            cand --verbose 'More detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'plexsync;status'= {
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file [default: ~/.config/plexsync/config.toml]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand --json 'Print JSON Lines on stdout (see docs/json.md)'
            cand -q 'No progress and no warnings'
            cand --quiet 'No progress and no warnings'
            cand -v 'More detail on stderr (repeat for more)'
            cand --verbose 'More detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'plexsync;parse'= {
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file [default: ~/.config/plexsync/config.toml]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand --json 'Print JSON Lines on stdout (see docs/json.md)'
            cand -q 'No progress and no warnings'
            cand --quiet 'No progress and no warnings'
            cand -v 'More detail on stderr (repeat for more)'
            cand --verbose 'More detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'plexsync;generate'= {
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file [default: ~/.config/plexsync/config.toml]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand --json 'Print JSON Lines on stdout (see docs/json.md)'
            cand -q 'No progress and no warnings'
            cand --quiet 'No progress and no warnings'
            cand -v 'More detail on stderr (repeat for more)'
            cand --verbose 'More detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand completions 'Shell completions, to stdout or into a folder'
            cand man 'Man pages (one per command) into a folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plexsync;generate;completions'= {
            cand --out 'Write the file into this folder instead of stdout'
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file [default: ~/.config/plexsync/config.toml]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand --json 'Print JSON Lines on stdout (see docs/json.md)'
            cand -q 'No progress and no warnings'
            cand --quiet 'No progress and no warnings'
            cand -v 'More detail on stderr (repeat for more)'
            cand --verbose 'More detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'plexsync;generate;man'= {
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file [default: ~/.config/plexsync/config.toml]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand --json 'Print JSON Lines on stdout (see docs/json.md)'
            cand -q 'No progress and no warnings'
            cand --quiet 'No progress and no warnings'
            cand -v 'More detail on stderr (repeat for more)'
            cand --verbose 'More detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'plexsync;generate;help'= {
            cand completions 'Shell completions, to stdout or into a folder'
            cand man 'Man pages (one per command) into a folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plexsync;generate;help;completions'= {
        }
        &'plexsync;generate;help;man'= {
        }
        &'plexsync;generate;help;help'= {
        }
        &'plexsync;help'= {
            cand scan 'Walk folders and record their files in the catalog'
            cand status 'Show what the catalog knows, per root, by kind and status'
            cand parse 'Read release names: movie or episode, title, year, season, episode, quality, group'
            cand generate 'Generate shell completions or man pages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plexsync;help;scan'= {
        }
        &'plexsync;help;status'= {
        }
        &'plexsync;help;parse'= {
        }
        &'plexsync;help;generate'= {
            cand completions 'Shell completions, to stdout or into a folder'
            cand man 'Man pages (one per command) into a folder'
        }
        &'plexsync;help;generate;completions'= {
        }
        &'plexsync;help;generate;man'= {
        }
        &'plexsync;help;help'= {
        }
    ]
    $completions[$command]
}
