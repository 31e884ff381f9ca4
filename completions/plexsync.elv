
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
            cand dupes 'Find duplicate files (exact, partial, same media) and act on them safely'
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
        &'plexsync;dupes'= {
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
            cand find 'Find groups of duplicates (changes no file)'
            cand remove 'Delete the non-keepers of the chosen groups (or move them to --trash DIR)'
            cand link 'Replace the non-keepers of exact groups with hard links (or --symlink) to the keeper'
            cand move 'Move the non-keepers into a folder, keeping their paths relative to their root'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plexsync;dupes;find'= {
            cand --kind 'Detectors, comma-separated [default: all for find, exact for acting verbs]'
            cand --min-size 'Ignore files smaller than this (e.g. 0, 4096, 10K, 1MiB)'
            cand --keep 'Keeper rule: best, newest, oldest, largest or path:GLOB'
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file [default: ~/.config/plexsync/config.toml]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand -L 'Follow symbolic links while scanning (loops are detected)'
            cand --follow 'Follow symbolic links while scanning (loops are detected)'
            cand --exit-code 'Exit with 1 when duplicates are found'
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
        &'plexsync;dupes;remove'= {
            cand --kind 'Detectors, comma-separated [default: all for find, exact for acting verbs]'
            cand --min-size 'Ignore files smaller than this (e.g. 0, 4096, 10K, 1MiB)'
            cand --keep 'Keeper rule: best, newest, oldest, largest or path:GLOB'
            cand --min-confidence 'Act only on groups at least this sure'
            cand --trash 'Move the files into this folder (keeping relative paths) instead of deleting them'
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file [default: ~/.config/plexsync/config.toml]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand -L 'Follow symbolic links while scanning (loops are detected)'
            cand --follow 'Follow symbolic links while scanning (loops are detected)'
            cand -n 'Print what would happen, change nothing'
            cand --dry-run 'Print what would happen, change nothing'
            cand -y 'Do not ask for confirmation (required when not on a terminal)'
            cand --yes 'Do not ask for confirmation (required when not on a terminal)'
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
        &'plexsync;dupes;link'= {
            cand --kind 'Detectors, comma-separated [default: all for find, exact for acting verbs]'
            cand --min-size 'Ignore files smaller than this (e.g. 0, 4096, 10K, 1MiB)'
            cand --keep 'Keeper rule: best, newest, oldest, largest or path:GLOB'
            cand --min-confidence 'Act only on groups at least this sure'
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file [default: ~/.config/plexsync/config.toml]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand -L 'Follow symbolic links while scanning (loops are detected)'
            cand --follow 'Follow symbolic links while scanning (loops are detected)'
            cand -n 'Print what would happen, change nothing'
            cand --dry-run 'Print what would happen, change nothing'
            cand -y 'Do not ask for confirmation (required when not on a terminal)'
            cand --yes 'Do not ask for confirmation (required when not on a terminal)'
            cand --symlink 'Symbolic links (absolute) instead of hard links'
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
        &'plexsync;dupes;move'= {
            cand --kind 'Detectors, comma-separated [default: all for find, exact for acting verbs]'
            cand --min-size 'Ignore files smaller than this (e.g. 0, 4096, 10K, 1MiB)'
            cand --keep 'Keeper rule: best, newest, oldest, largest or path:GLOB'
            cand --min-confidence 'Act only on groups at least this sure'
            cand --to 'Destination folder'
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file [default: ~/.config/plexsync/config.toml]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand -L 'Follow symbolic links while scanning (loops are detected)'
            cand --follow 'Follow symbolic links while scanning (loops are detected)'
            cand -n 'Print what would happen, change nothing'
            cand --dry-run 'Print what would happen, change nothing'
            cand -y 'Do not ask for confirmation (required when not on a terminal)'
            cand --yes 'Do not ask for confirmation (required when not on a terminal)'
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
        &'plexsync;dupes;help'= {
            cand find 'Find groups of duplicates (changes no file)'
            cand remove 'Delete the non-keepers of the chosen groups (or move them to --trash DIR)'
            cand link 'Replace the non-keepers of exact groups with hard links (or --symlink) to the keeper'
            cand move 'Move the non-keepers into a folder, keeping their paths relative to their root'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plexsync;dupes;help;find'= {
        }
        &'plexsync;dupes;help;remove'= {
        }
        &'plexsync;dupes;help;link'= {
        }
        &'plexsync;dupes;help;move'= {
        }
        &'plexsync;dupes;help;help'= {
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
            cand dupes 'Find duplicate files (exact, partial, same media) and act on them safely'
            cand parse 'Read release names: movie or episode, title, year, season, episode, quality, group'
            cand generate 'Generate shell completions or man pages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plexsync;help;scan'= {
        }
        &'plexsync;help;status'= {
        }
        &'plexsync;help;dupes'= {
            cand find 'Find groups of duplicates (changes no file)'
            cand remove 'Delete the non-keepers of the chosen groups (or move them to --trash DIR)'
            cand link 'Replace the non-keepers of exact groups with hard links (or --symlink) to the keeper'
            cand move 'Move the non-keepers into a folder, keeping their paths relative to their root'
        }
        &'plexsync;help;dupes;find'= {
        }
        &'plexsync;help;dupes;remove'= {
        }
        &'plexsync;help;dupes;link'= {
        }
        &'plexsync;help;dupes;move'= {
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
