
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
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
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
            cand organize 'Move media into a clean layout by rules, with a plan, a journal and undo'
            cand dupes 'Find duplicate files (exact, partial, same media) and act on them safely'
            cand usage 'Record and import who watched what; score files; recommend what to delete or archive'
            cand parse 'Read release names: movie or episode, title, year, season, episode, quality, group'
            cand resync 'Find broken local copies and make them whole again from the source, verified'
            cand generate 'Generate shell completions or man pages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plexsync;scan'= {
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
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
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
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
        &'plexsync;organize'= {
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
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
            cand plan 'Show every move the rules want, and what stays and why (changes nothing)'
            cand apply 'Carry the plan out, journaled so it can be undone'
            cand undo 'Move every file of a run back (the last run by default)'
            cand recover 'Finish or roll back a run interrupted by a crash'
            cand history 'List organize runs'
            cand rules 'Print the rules in force (TOML, ready to copy into a rules file)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plexsync;organize;plan'= {
            cand --into 'Target root of the layout [default: organize.into in the config]'
            cand --strategy 'Built-in strategy (see `organize rules --list`) [default: plex]'
            cand --rules 'Rules file (TOML with [[rule]] tables)'
            cand --on-conflict 'When a target already exists'
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand --portable 'Windows/SMB-safe names [default: on for CIFS, NTFS, FAT targets]'
            cand --no-portable 'Never use portable names, even on a CIFS/NTFS target'
            cand --exit-code 'Exit 1 when something would move (plan only; like `git diff --exit-code`)'
            cand --json 'Print JSON Lines on stdout (see docs/json.md)'
            cand -q 'No progress and no warnings'
            cand --quiet 'No progress and no warnings'
            cand -v 'More detail on stderr (repeat for more)'
            cand --verbose 'More detail on stderr (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'plexsync;organize;apply'= {
            cand --into 'Target root of the layout [default: organize.into in the config]'
            cand --strategy 'Built-in strategy (see `organize rules --list`) [default: plex]'
            cand --rules 'Rules file (TOML with [[rule]] tables)'
            cand --on-conflict 'When a target already exists'
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand --portable 'Windows/SMB-safe names [default: on for CIFS, NTFS, FAT targets]'
            cand --no-portable 'Never use portable names, even on a CIFS/NTFS target'
            cand --exit-code 'Exit 1 when something would move (plan only; like `git diff --exit-code`)'
            cand --copy 'Copy (verified) instead of moving'
            cand --hardlink 'Hard-link instead of moving'
            cand --symlink 'Symlink instead of moving'
            cand --follow-links 'Write through symbolic links to folders below --into (a folder linked to another disk on purpose); without it such a link stops the run'
            cand -n 'Show what would happen, change nothing'
            cand --dry-run 'Show what would happen, change nothing'
            cand -y 'Do not ask for confirmation (required without a terminal)'
            cand --yes 'Do not ask for confirmation (required without a terminal)'
            cand --json 'Print JSON Lines on stdout (see docs/json.md)'
            cand -q 'No progress and no warnings'
            cand --quiet 'No progress and no warnings'
            cand -v 'More detail on stderr (repeat for more)'
            cand --verbose 'More detail on stderr (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'plexsync;organize;undo'= {
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand -n 'Show what would be moved back, change nothing'
            cand --dry-run 'Show what would be moved back, change nothing'
            cand -y 'Do not ask for confirmation (required without a terminal)'
            cand --yes 'Do not ask for confirmation (required without a terminal)'
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
        &'plexsync;organize;recover'= {
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand -n 'Show the interrupted runs, change nothing'
            cand --dry-run 'Show the interrupted runs, change nothing'
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
        &'plexsync;organize;history'= {
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
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
        &'plexsync;organize;rules'= {
            cand --strategy 'Built-in strategy (see `organize rules --list`) [default: plex]'
            cand --rules 'Rules file (TOML with [[rule]] tables)'
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand --list 'List the built-in strategies and template fields instead'
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
        &'plexsync;organize;help'= {
            cand plan 'Show every move the rules want, and what stays and why (changes nothing)'
            cand apply 'Carry the plan out, journaled so it can be undone'
            cand undo 'Move every file of a run back (the last run by default)'
            cand recover 'Finish or roll back a run interrupted by a crash'
            cand history 'List organize runs'
            cand rules 'Print the rules in force (TOML, ready to copy into a rules file)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plexsync;organize;help;plan'= {
        }
        &'plexsync;organize;help;apply'= {
        }
        &'plexsync;organize;help;undo'= {
        }
        &'plexsync;organize;help;recover'= {
        }
        &'plexsync;organize;help;history'= {
        }
        &'plexsync;organize;help;rules'= {
        }
        &'plexsync;organize;help;help'= {
        }
        &'plexsync;dupes'= {
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
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
            cand remove 'Delete the non-keepers of the chosen groups (or move them to the trash: --trash)'
            cand link 'Replace the non-keepers of exact groups with hard links (or --symlink) to the keeper'
            cand move 'Move the non-keepers into a folder, keeping their paths relative to their root'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plexsync;dupes;find'= {
            cand --kind 'Detectors, comma-separated [default: all for find, exact for acting verbs]'
            cand --min-size 'Ignore files smaller than this (e.g. 0, 4096, 10K, 1MiB)'
            cand --keep 'Keeper rule: best, newest, oldest, largest or path:GLOB'
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
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
            cand --trash 'Move the files to the desktop trash of their file system instead of deleting them (freedesktop.org: restorable from a file manager), or into DIR keeping relative paths. Without DIR, give it after the paths'
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
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
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
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
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
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
            cand remove 'Delete the non-keepers of the chosen groups (or move them to the trash: --trash)'
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
        &'plexsync;usage'= {
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
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
            cand record 'Record accesses of files (for player hooks and scripts)'
            cand import 'Import watch history from a media server''s database (read-only)'
            cand report 'Totals, top and bottom files, and a per-show roll-up'
            cand show 'One file''s history and score'
            cand recommend 'What could be deleted or archived, and what to keep'
            cand prune 'Delete raw events older than a retention period (scores are kept)'
            cand reset 'Forget all usage history'
            cand export 'Write the JSON report to a file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plexsync;usage;record'= {
            cand --type 'What happened'
            cand --at 'When: ISO-8601, unix seconds, or an age like 2h [default: now]'
            cand --meta 'Extra facts as a JSON object (e.g. ''{"user":"ann","position_secs":300}'')'
            cand --user 'Who watched (stored in the metadata as "user")'
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
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
        &'plexsync;usage;import'= {
            cand --db 'The source''s database (repeat for Jellyfin: core db and playback_reporting.db) [legacy default: ~/.plexsync/usage.db]'
            cand --map 'Rewrite server paths to local ones (repeatable; longest FROM wins)'
            cand --plex-db 'Tautulli: the Plex database that resolves rating keys to files'
            cand --server-tz 'The server''s time zone, for the wall-clock times Kodi, Playback Reporting and the old tool write: an IANA name or an offset like +02:00 [default: [usage.server_tz], else this machine''s]'
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand --show-unmatched 'List plays that matched no local file'
            cand --full 'Read everything again, ignoring the watermark (nothing is imported twice)'
            cand -n 'Read and count, write nothing'
            cand --dry-run 'Read and count, write nothing'
            cand --exit-code 'Exit 1 when a play matched no local file'
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
        &'plexsync;usage;report'= {
            cand --since 'Count only accesses since TIME (ISO-8601, unix seconds, or an age like 30d)'
            cand --limit 'How many top and bottom files to list'
            cand --half-life 'Days for an access''s weight to halve [default: 90, or [usage] half_life_days]'
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
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
        &'plexsync;usage;show'= {
            cand --limit 'How many events to list, newest first'
            cand --half-life 'Days for an access''s weight to halve [default: 90, or [usage] half_life_days]'
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
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
        &'plexsync;usage;recommend'= {
            cand --min-age 'Never-viewed files younger than this are left alone [default: 30]'
            cand --recent 'Files watched within this many days are never recommended for removal'
            cand --limit 'How many files to list per kind on screen (JSON lists all)'
            cand --half-life 'Days for an access''s weight to halve [default: 90, or [usage] half_life_days]'
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
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
        &'plexsync;usage;prune'= {
            cand --older-than 'Delete raw events older than this many days [default: 365, or [usage] retention_days]'
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand -n 'Count what would be deleted, delete nothing'
            cand --dry-run 'Count what would be deleted, delete nothing'
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
        &'plexsync;usage;reset'= {
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand --yes 'Do it without asking (required when not on a terminal)'
            cand -n 'Count what would be deleted, delete nothing'
            cand --dry-run 'Count what would be deleted, delete nothing'
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
        &'plexsync;usage;export'= {
            cand --out 'The JSON file to write (replaced atomically)'
            cand --since 'Count only accesses since TIME (ISO-8601, unix seconds, or an age like 30d)'
            cand --limit 'How many top and bottom files to list'
            cand --half-life 'Days for an access''s weight to halve [default: 90, or [usage] half_life_days]'
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
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
        &'plexsync;usage;help'= {
            cand record 'Record accesses of files (for player hooks and scripts)'
            cand import 'Import watch history from a media server''s database (read-only)'
            cand report 'Totals, top and bottom files, and a per-show roll-up'
            cand show 'One file''s history and score'
            cand recommend 'What could be deleted or archived, and what to keep'
            cand prune 'Delete raw events older than a retention period (scores are kept)'
            cand reset 'Forget all usage history'
            cand export 'Write the JSON report to a file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plexsync;usage;help;record'= {
        }
        &'plexsync;usage;help;import'= {
        }
        &'plexsync;usage;help;report'= {
        }
        &'plexsync;usage;help;show'= {
        }
        &'plexsync;usage;help;recommend'= {
        }
        &'plexsync;usage;help;prune'= {
        }
        &'plexsync;usage;help;reset'= {
        }
        &'plexsync;usage;help;export'= {
        }
        &'plexsync;usage;help;help'= {
        }
        &'plexsync;parse'= {
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
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
        &'plexsync;resync'= {
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
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
            cand check 'Compare local files with the source and queue what is missing, incomplete, corrupted or outdated'
            cand run 'Copy queued files again from the source, verified (resumes, retries, backups)'
            cand verify 'Scrub local files alone: container check and recorded-hash check; queue failures'
            cand queue 'List, add, cancel or clear queued requests'
            cand report 'The history of runs and their statistics, and the replaced files kept as backups'
            cand restore 'Put a replaced local file back from its backup (the file it replaces is kept in turn)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plexsync;resync;check'= {
            cand --library 'A library from the config file ([[library]] name, path, source)'
            cand --source 'The source folder (e.g. a mounted share)'
            cand --dest 'The local folder synced from the source'
            cand --priority 'Priority of every request queued, 1 (highest) to 5 [default: by reason]'
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand --checksum 'Hash both sides (reads every byte) to find same-size corruption'
            cand --all 'Also treat source files never synced as missing'
            cand -n 'Report only: queue nothing and record nothing'
            cand --dry-run 'Report only: queue nothing and record nothing'
            cand --exit-code 'Exit with 1 when a problem was found'
            cand --no-mount-check 'Judge against the source even when it looks unmounted (its files really were renamed or deleted)'
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
        &'plexsync;resync;run'= {
            cand --library 'A library from the config file ([[library]] name, path, source)'
            cand --source 'The source folder (e.g. a mounted share)'
            cand --dest 'The local folder synced from the source'
            cand --retries 'Retries after a failed attempt (source I/O errors, failed verification) [default: 3]'
            cand --backoff 'Base of the exponential backoff between attempts, in seconds, capped at 60 [default: 1]'
            cand --backup-dir 'Keep each replaced local file below this folder, never pruned [default: .plexsync-backup at the library root, pruned after --backup-days]'
            cand --backup-days 'Days to keep replaced files in the library''s .plexsync-backup folder; 0 keeps none [default: 7]'
            cand --settle 'Copy a source only once it has not been modified for this long, in seconds [default: 300]'
            cand --bwlimit 'Limit the total read rate from the source (bytes per second; K, M, G suffixes)'
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand --no-resume 'Always copy whole files, never resume from an interrupted copy'
            cand --check 'Check the library first (or every configured one), then run: one command for cron'
            cand --checksum 'With --check: hash both sides (reads every byte)'
            cand --all 'With --check: also copy source files never synced'
            cand -n 'Show what would be copied and how many bytes; change nothing'
            cand --dry-run 'Show what would be copied and how many bytes; change nothing'
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
        &'plexsync;resync;verify'= {
            cand --library 'A library from the config file ([[library]] name, path, source)'
            cand --source 'The source folder (e.g. a mounted share)'
            cand --dest 'The local folder synced from the source'
            cand --priority 'Priority of every request queued, 1 (highest) to 5 [default: by reason]'
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand -n 'Report only: queue nothing and record nothing'
            cand --dry-run 'Report only: queue nothing and record nothing'
            cand --exit-code 'Exit with 1 when a file failed'
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
        &'plexsync;resync;queue'= {
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand --all 'Without a subcommand: list done and cancelled requests too (as `queue list --all`)'
            cand --json 'Print JSON Lines on stdout (see docs/json.md)'
            cand -q 'No progress and no warnings'
            cand --quiet 'No progress and no warnings'
            cand -v 'More detail on stderr (repeat for more)'
            cand --verbose 'More detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List requests (open ones unless --all)'
            cand add 'Queue local files by hand (reason user_request)'
            cand cancel 'Cancel an open request by id or by path'
            cand clear 'Delete finished requests from the queue'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plexsync;resync;queue;list'= {
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand --all 'Include done and cancelled requests'
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
        &'plexsync;resync;queue;add'= {
            cand --priority 'Priority, 1 (highest) to 5'
            cand --library 'A library from the config file ([[library]] name, path, source)'
            cand --source 'The source folder (e.g. a mounted share)'
            cand --dest 'The local folder synced from the source'
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
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
        &'plexsync;resync;queue;cancel'= {
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
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
        &'plexsync;resync;queue;clear'= {
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand --done 'Delete done and cancelled requests'
            cand --all 'Delete every request that is not running'
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
        &'plexsync;resync;queue;help'= {
            cand list 'List requests (open ones unless --all)'
            cand add 'Queue local files by hand (reason user_request)'
            cand cancel 'Cancel an open request by id or by path'
            cand clear 'Delete finished requests from the queue'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plexsync;resync;queue;help;list'= {
        }
        &'plexsync;resync;queue;help;add'= {
        }
        &'plexsync;resync;queue;help;cancel'= {
        }
        &'plexsync;resync;queue;help;clear'= {
        }
        &'plexsync;resync;queue;help;help'= {
        }
        &'plexsync;resync;report'= {
            cand --out 'Write the whole history as JSON to this file'
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
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
        &'plexsync;resync;restore'= {
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
            cand --color 'When to use colour (NO_COLOR turns auto off)'
            cand -j 'Worker threads [default: number of CPUs]'
            cand --jobs 'Worker threads [default: number of CPUs]'
            cand -n 'Show what would be restored; change nothing'
            cand --dry-run 'Show what would be restored; change nothing'
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
        &'plexsync;resync;help'= {
            cand check 'Compare local files with the source and queue what is missing, incomplete, corrupted or outdated'
            cand run 'Copy queued files again from the source, verified (resumes, retries, backups)'
            cand verify 'Scrub local files alone: container check and recorded-hash check; queue failures'
            cand queue 'List, add, cancel or clear queued requests'
            cand report 'The history of runs and their statistics, and the replaced files kept as backups'
            cand restore 'Put a replaced local file back from its backup (the file it replaces is kept in turn)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plexsync;resync;help;check'= {
        }
        &'plexsync;resync;help;run'= {
        }
        &'plexsync;resync;help;verify'= {
        }
        &'plexsync;resync;help;queue'= {
            cand list 'List requests (open ones unless --all)'
            cand add 'Queue local files by hand (reason user_request)'
            cand cancel 'Cancel an open request by id or by path'
            cand clear 'Delete finished requests from the queue'
        }
        &'plexsync;resync;help;queue;list'= {
        }
        &'plexsync;resync;help;queue;add'= {
        }
        &'plexsync;resync;help;queue;cancel'= {
        }
        &'plexsync;resync;help;queue;clear'= {
        }
        &'plexsync;resync;help;report'= {
        }
        &'plexsync;resync;help;restore'= {
        }
        &'plexsync;resync;help;help'= {
        }
        &'plexsync;generate'= {
            cand --catalog 'Catalog file [default: ~/.local/share/plexsync/catalog.db]'
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
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
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
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
            cand --config 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]'
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
            cand organize 'Move media into a clean layout by rules, with a plan, a journal and undo'
            cand dupes 'Find duplicate files (exact, partial, same media) and act on them safely'
            cand usage 'Record and import who watched what; score files; recommend what to delete or archive'
            cand parse 'Read release names: movie or episode, title, year, season, episode, quality, group'
            cand resync 'Find broken local copies and make them whole again from the source, verified'
            cand generate 'Generate shell completions or man pages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'plexsync;help;scan'= {
        }
        &'plexsync;help;status'= {
        }
        &'plexsync;help;organize'= {
            cand plan 'Show every move the rules want, and what stays and why (changes nothing)'
            cand apply 'Carry the plan out, journaled so it can be undone'
            cand undo 'Move every file of a run back (the last run by default)'
            cand recover 'Finish or roll back a run interrupted by a crash'
            cand history 'List organize runs'
            cand rules 'Print the rules in force (TOML, ready to copy into a rules file)'
        }
        &'plexsync;help;organize;plan'= {
        }
        &'plexsync;help;organize;apply'= {
        }
        &'plexsync;help;organize;undo'= {
        }
        &'plexsync;help;organize;recover'= {
        }
        &'plexsync;help;organize;history'= {
        }
        &'plexsync;help;organize;rules'= {
        }
        &'plexsync;help;dupes'= {
            cand find 'Find groups of duplicates (changes no file)'
            cand remove 'Delete the non-keepers of the chosen groups (or move them to the trash: --trash)'
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
        &'plexsync;help;usage'= {
            cand record 'Record accesses of files (for player hooks and scripts)'
            cand import 'Import watch history from a media server''s database (read-only)'
            cand report 'Totals, top and bottom files, and a per-show roll-up'
            cand show 'One file''s history and score'
            cand recommend 'What could be deleted or archived, and what to keep'
            cand prune 'Delete raw events older than a retention period (scores are kept)'
            cand reset 'Forget all usage history'
            cand export 'Write the JSON report to a file'
        }
        &'plexsync;help;usage;record'= {
        }
        &'plexsync;help;usage;import'= {
        }
        &'plexsync;help;usage;report'= {
        }
        &'plexsync;help;usage;show'= {
        }
        &'plexsync;help;usage;recommend'= {
        }
        &'plexsync;help;usage;prune'= {
        }
        &'plexsync;help;usage;reset'= {
        }
        &'plexsync;help;usage;export'= {
        }
        &'plexsync;help;parse'= {
        }
        &'plexsync;help;resync'= {
            cand check 'Compare local files with the source and queue what is missing, incomplete, corrupted or outdated'
            cand run 'Copy queued files again from the source, verified (resumes, retries, backups)'
            cand verify 'Scrub local files alone: container check and recorded-hash check; queue failures'
            cand queue 'List, add, cancel or clear queued requests'
            cand report 'The history of runs and their statistics, and the replaced files kept as backups'
            cand restore 'Put a replaced local file back from its backup (the file it replaces is kept in turn)'
        }
        &'plexsync;help;resync;check'= {
        }
        &'plexsync;help;resync;run'= {
        }
        &'plexsync;help;resync;verify'= {
        }
        &'plexsync;help;resync;queue'= {
            cand list 'List requests (open ones unless --all)'
            cand add 'Queue local files by hand (reason user_request)'
            cand cancel 'Cancel an open request by id or by path'
            cand clear 'Delete finished requests from the queue'
        }
        &'plexsync;help;resync;queue;list'= {
        }
        &'plexsync;help;resync;queue;add'= {
        }
        &'plexsync;help;resync;queue;cancel'= {
        }
        &'plexsync;help;resync;queue;clear'= {
        }
        &'plexsync;help;resync;report'= {
        }
        &'plexsync;help;resync;restore'= {
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
