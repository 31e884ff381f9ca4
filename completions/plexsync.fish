# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_plexsync_global_optspecs
    string join \n catalog= config= json color= q/quiet v/verbose j/jobs= h/help V/version
end

function __fish_plexsync_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_plexsync_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_plexsync_using_subcommand
    set -l cmd (__fish_plexsync_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c plexsync -n "__fish_plexsync_needs_command" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_needs_command" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_needs_command" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_needs_command" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_needs_command" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_needs_command" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_needs_command" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plexsync -n "__fish_plexsync_needs_command" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_needs_command" -f -a "scan" -d 'Walk folders and record their files in the catalog'
complete -c plexsync -n "__fish_plexsync_needs_command" -f -a "status" -d 'Show what the catalog knows, per root, by kind and status'
complete -c plexsync -n "__fish_plexsync_needs_command" -f -a "organize" -d 'Move media into a clean layout by rules, with a plan, a journal and undo'
complete -c plexsync -n "__fish_plexsync_needs_command" -f -a "dupes" -d 'Find duplicate files (exact, partial, same media) and act on them safely'
complete -c plexsync -n "__fish_plexsync_needs_command" -f -a "usage" -d 'Record and import who watched what; score files; recommend what to delete or archive'
complete -c plexsync -n "__fish_plexsync_needs_command" -f -a "parse" -d 'Read release names: movie or episode, title, year, season, episode, quality, group'
complete -c plexsync -n "__fish_plexsync_needs_command" -f -a "resync" -d 'Find broken local copies and make them whole again from the source, verified'
complete -c plexsync -n "__fish_plexsync_needs_command" -f -a "generate" -d 'Generate shell completions or man pages'
complete -c plexsync -n "__fish_plexsync_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plexsync -n "__fish_plexsync_using_subcommand scan" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand scan" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand scan" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand scan" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand scan" -l hash -d 'Compute BLAKE3 of new and changed files'
complete -c plexsync -n "__fish_plexsync_using_subcommand scan" -s L -l follow -d 'Follow symbolic links (loops are detected)'
complete -c plexsync -n "__fish_plexsync_using_subcommand scan" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand scan" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand scan" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand scan" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand scan" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand status" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand status" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand status" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand status" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand status" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand status" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand status" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand status" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand status" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and not __fish_seen_subcommand_from plan apply undo recover history rules help" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and not __fish_seen_subcommand_from plan apply undo recover history rules help" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and not __fish_seen_subcommand_from plan apply undo recover history rules help" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and not __fish_seen_subcommand_from plan apply undo recover history rules help" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and not __fish_seen_subcommand_from plan apply undo recover history rules help" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and not __fish_seen_subcommand_from plan apply undo recover history rules help" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and not __fish_seen_subcommand_from plan apply undo recover history rules help" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and not __fish_seen_subcommand_from plan apply undo recover history rules help" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and not __fish_seen_subcommand_from plan apply undo recover history rules help" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and not __fish_seen_subcommand_from plan apply undo recover history rules help" -f -a "plan" -d 'Show every move the rules want, and what stays and why (changes nothing)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and not __fish_seen_subcommand_from plan apply undo recover history rules help" -f -a "apply" -d 'Carry the plan out, journaled so it can be undone'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and not __fish_seen_subcommand_from plan apply undo recover history rules help" -f -a "undo" -d 'Move every file of a run back (the last run by default)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and not __fish_seen_subcommand_from plan apply undo recover history rules help" -f -a "recover" -d 'Finish or roll back a run interrupted by a crash'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and not __fish_seen_subcommand_from plan apply undo recover history rules help" -f -a "history" -d 'List organize runs'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and not __fish_seen_subcommand_from plan apply undo recover history rules help" -f -a "rules" -d 'Print the rules in force (TOML, ready to copy into a rules file)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and not __fish_seen_subcommand_from plan apply undo recover history rules help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from plan" -l into -d 'Target root of the layout [default: organize.into in the config]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from plan" -l strategy -d 'Built-in strategy (see `organize rules --list`) [default: plex]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from plan" -l rules -d 'Rules file (TOML with [[rule]] tables)' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from plan" -l on-conflict -d 'When a target already exists' -r -f -a "skip\t'Leave the file where it is'
rename\t'Pick a free name: "Title (2020) (2).mkv"'
replace-if-identical\t'Replace the target only when its bytes are identical'
keep-larger\t'Keep the larger file in the layout; the smaller takes the source\'s place'"
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from plan" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from plan" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from plan" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from plan" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from plan" -l portable -d 'Windows/SMB-safe names [default: on for CIFS, NTFS, FAT targets]'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from plan" -l no-portable -d 'Never use portable names, even on a CIFS/NTFS target'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from plan" -l exit-code -d 'Exit 1 when something would move (plan only; like `git diff --exit-code`)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from plan" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from plan" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from plan" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from plan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from plan" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from apply" -l into -d 'Target root of the layout [default: organize.into in the config]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from apply" -l strategy -d 'Built-in strategy (see `organize rules --list`) [default: plex]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from apply" -l rules -d 'Rules file (TOML with [[rule]] tables)' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from apply" -l on-conflict -d 'When a target already exists' -r -f -a "skip\t'Leave the file where it is'
rename\t'Pick a free name: "Title (2020) (2).mkv"'
replace-if-identical\t'Replace the target only when its bytes are identical'
keep-larger\t'Keep the larger file in the layout; the smaller takes the source\'s place'"
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from apply" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from apply" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from apply" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from apply" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from apply" -l portable -d 'Windows/SMB-safe names [default: on for CIFS, NTFS, FAT targets]'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from apply" -l no-portable -d 'Never use portable names, even on a CIFS/NTFS target'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from apply" -l exit-code -d 'Exit 1 when something would move (plan only; like `git diff --exit-code`)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from apply" -l copy -d 'Copy (verified) instead of moving'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from apply" -l hardlink -d 'Hard-link instead of moving'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from apply" -l symlink -d 'Symlink instead of moving'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from apply" -l follow-links -d 'Write through symbolic links to folders below --into (a folder linked to another disk on purpose); without it such a link stops the run'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from apply" -s n -l dry-run -d 'Show what would happen, change nothing'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from apply" -s y -l yes -d 'Do not ask for confirmation (required without a terminal)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from apply" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from apply" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from apply" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from apply" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from undo" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from undo" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from undo" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from undo" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from undo" -s n -l dry-run -d 'Show what would be moved back, change nothing'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from undo" -s y -l yes -d 'Do not ask for confirmation (required without a terminal)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from undo" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from undo" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from undo" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from undo" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from undo" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from recover" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from recover" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from recover" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from recover" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from recover" -s n -l dry-run -d 'Show the interrupted runs, change nothing'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from recover" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from recover" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from recover" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from recover" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from recover" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from history" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from history" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from history" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from history" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from history" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from history" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from history" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from history" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from rules" -l strategy -d 'Built-in strategy (see `organize rules --list`) [default: plex]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from rules" -l rules -d 'Rules file (TOML with [[rule]] tables)' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from rules" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from rules" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from rules" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from rules" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from rules" -l list -d 'List the built-in strategies and template fields instead'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from rules" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from rules" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from rules" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from rules" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from rules" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from help" -f -a "plan" -d 'Show every move the rules want, and what stays and why (changes nothing)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Carry the plan out, journaled so it can be undone'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from help" -f -a "undo" -d 'Move every file of a run back (the last run by default)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from help" -f -a "recover" -d 'Finish or roll back a run interrupted by a crash'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from help" -f -a "history" -d 'List organize runs'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from help" -f -a "rules" -d 'Print the rules in force (TOML, ready to copy into a rules file)'
complete -c plexsync -n "__fish_plexsync_using_subcommand organize; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and not __fish_seen_subcommand_from find remove link move help" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and not __fish_seen_subcommand_from find remove link move help" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and not __fish_seen_subcommand_from find remove link move help" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and not __fish_seen_subcommand_from find remove link move help" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and not __fish_seen_subcommand_from find remove link move help" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and not __fish_seen_subcommand_from find remove link move help" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and not __fish_seen_subcommand_from find remove link move help" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and not __fish_seen_subcommand_from find remove link move help" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and not __fish_seen_subcommand_from find remove link move help" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and not __fish_seen_subcommand_from find remove link move help" -f -a "find" -d 'Find groups of duplicates (changes no file)'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and not __fish_seen_subcommand_from find remove link move help" -f -a "remove" -d 'Delete the non-keepers of the chosen groups (or move them to the trash: --trash)'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and not __fish_seen_subcommand_from find remove link move help" -f -a "link" -d 'Replace the non-keepers of exact groups with hard links (or --symlink) to the keeper'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and not __fish_seen_subcommand_from find remove link move help" -f -a "move" -d 'Move the non-keepers into a folder, keeping their paths relative to their root'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and not __fish_seen_subcommand_from find remove link move help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from find" -l kind -d 'Detectors, comma-separated [default: all for find, exact for acting verbs]' -r -f -a "exact\t''
partial\t''
media\t''
similar_name\t''
similar_size\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from find" -l min-size -d 'Ignore files smaller than this (e.g. 0, 4096, 10K, 1MiB)' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from find" -l keep -d 'Keeper rule: best, newest, oldest, largest or path:GLOB' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from find" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from find" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from find" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from find" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from find" -s L -l follow -d 'Follow symbolic links while scanning (loops are detected)'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from find" -l exit-code -d 'Exit with 1 when duplicates are found'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from find" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from find" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from find" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from find" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from find" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from remove" -l kind -d 'Detectors, comma-separated [default: all for find, exact for acting verbs]' -r -f -a "exact\t''
partial\t''
media\t''
similar_name\t''
similar_size\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from remove" -l min-size -d 'Ignore files smaller than this (e.g. 0, 4096, 10K, 1MiB)' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from remove" -l keep -d 'Keeper rule: best, newest, oldest, largest or path:GLOB' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from remove" -l min-confidence -d 'Act only on groups at least this sure' -r -f -a "very_low\t''
low\t''
medium\t''
high\t''
very_high\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from remove" -l trash -d 'Move the files to the desktop trash of their file system instead of deleting them (freedesktop.org: restorable from a file manager), or into DIR keeping relative paths. Without DIR, give it after the paths' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from remove" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from remove" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from remove" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from remove" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from remove" -s L -l follow -d 'Follow symbolic links while scanning (loops are detected)'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from remove" -s n -l dry-run -d 'Print what would happen, change nothing'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Do not ask for confirmation (required when not on a terminal)'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from remove" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from link" -l kind -d 'Detectors, comma-separated [default: all for find, exact for acting verbs]' -r -f -a "exact\t''
partial\t''
media\t''
similar_name\t''
similar_size\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from link" -l min-size -d 'Ignore files smaller than this (e.g. 0, 4096, 10K, 1MiB)' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from link" -l keep -d 'Keeper rule: best, newest, oldest, largest or path:GLOB' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from link" -l min-confidence -d 'Act only on groups at least this sure' -r -f -a "very_low\t''
low\t''
medium\t''
high\t''
very_high\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from link" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from link" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from link" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from link" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from link" -s L -l follow -d 'Follow symbolic links while scanning (loops are detected)'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from link" -s n -l dry-run -d 'Print what would happen, change nothing'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from link" -s y -l yes -d 'Do not ask for confirmation (required when not on a terminal)'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from link" -l symlink -d 'Symbolic links (absolute) instead of hard links'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from link" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from link" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from link" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from link" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from link" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from move" -l kind -d 'Detectors, comma-separated [default: all for find, exact for acting verbs]' -r -f -a "exact\t''
partial\t''
media\t''
similar_name\t''
similar_size\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from move" -l min-size -d 'Ignore files smaller than this (e.g. 0, 4096, 10K, 1MiB)' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from move" -l keep -d 'Keeper rule: best, newest, oldest, largest or path:GLOB' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from move" -l min-confidence -d 'Act only on groups at least this sure' -r -f -a "very_low\t''
low\t''
medium\t''
high\t''
very_high\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from move" -l to -d 'Destination folder' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from move" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from move" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from move" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from move" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from move" -s L -l follow -d 'Follow symbolic links while scanning (loops are detected)'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from move" -s n -l dry-run -d 'Print what would happen, change nothing'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from move" -s y -l yes -d 'Do not ask for confirmation (required when not on a terminal)'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from move" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from move" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from move" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from move" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from move" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from help" -f -a "find" -d 'Find groups of duplicates (changes no file)'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Delete the non-keepers of the chosen groups (or move them to the trash: --trash)'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from help" -f -a "link" -d 'Replace the non-keepers of exact groups with hard links (or --symlink) to the keeper'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from help" -f -a "move" -d 'Move the non-keepers into a folder, keeping their paths relative to their root'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and not __fish_seen_subcommand_from record import report show recommend prune reset export help" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and not __fish_seen_subcommand_from record import report show recommend prune reset export help" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and not __fish_seen_subcommand_from record import report show recommend prune reset export help" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and not __fish_seen_subcommand_from record import report show recommend prune reset export help" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and not __fish_seen_subcommand_from record import report show recommend prune reset export help" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and not __fish_seen_subcommand_from record import report show recommend prune reset export help" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and not __fish_seen_subcommand_from record import report show recommend prune reset export help" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and not __fish_seen_subcommand_from record import report show recommend prune reset export help" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and not __fish_seen_subcommand_from record import report show recommend prune reset export help" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and not __fish_seen_subcommand_from record import report show recommend prune reset export help" -f -a "record" -d 'Record accesses of files (for player hooks and scripts)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and not __fish_seen_subcommand_from record import report show recommend prune reset export help" -f -a "import" -d 'Import watch history from a media server\'s database (read-only)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and not __fish_seen_subcommand_from record import report show recommend prune reset export help" -f -a "report" -d 'Totals, top and bottom files, and a per-show roll-up'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and not __fish_seen_subcommand_from record import report show recommend prune reset export help" -f -a "show" -d 'One file\'s history and score'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and not __fish_seen_subcommand_from record import report show recommend prune reset export help" -f -a "recommend" -d 'What could be deleted or archived, and what to keep'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and not __fish_seen_subcommand_from record import report show recommend prune reset export help" -f -a "prune" -d 'Delete raw events older than a retention period (scores are kept)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and not __fish_seen_subcommand_from record import report show recommend prune reset export help" -f -a "reset" -d 'Forget all usage history'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and not __fish_seen_subcommand_from record import report show recommend prune reset export help" -f -a "export" -d 'Write the JSON report to a file'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and not __fish_seen_subcommand_from record import report show recommend prune reset export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from record" -l type -d 'What happened' -r -f -a "viewed\t''
accessed\t''
managed\t''
synced\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from record" -l at -d 'When: ISO-8601, unix seconds, or an age like 2h [default: now]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from record" -l meta -d 'Extra facts as a JSON object (e.g. \'{"user":"ann","position_secs":300}\')' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from record" -l user -d 'Who watched (stored in the metadata as "user")' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from record" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from record" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from record" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from record" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from record" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from record" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from record" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from record" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from record" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from import" -l db -d 'The source\'s database (repeat for Jellyfin: core db and playback_reporting.db) [legacy default: ~/.plexsync/usage.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from import" -l map -d 'Rewrite server paths to local ones (repeatable; longest FROM wins)' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from import" -l plex-db -d 'Tautulli: the Plex database that resolves rating keys to files' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from import" -l server-tz -d 'The server\'s time zone, for the wall-clock times Kodi, Playback Reporting and the old tool write: an IANA name or an offset like +02:00 [default: [usage.server_tz], else this machine\'s]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from import" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from import" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from import" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from import" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from import" -l show-unmatched -d 'List plays that matched no local file'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from import" -l full -d 'Read everything again, ignoring the watermark (nothing is imported twice)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from import" -s n -l dry-run -d 'Read and count, write nothing'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from import" -l exit-code -d 'Exit 1 when a play matched no local file'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from import" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from import" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from import" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from report" -l since -d 'Count only accesses since TIME (ISO-8601, unix seconds, or an age like 30d)' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from report" -l limit -d 'How many top and bottom files to list' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from report" -l half-life -d 'Days for an access\'s weight to halve [default: 90, or [usage] half_life_days]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from report" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from report" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from report" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from report" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from report" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from report" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from report" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from report" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from report" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from show" -l limit -d 'How many events to list, newest first' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from show" -l half-life -d 'Days for an access\'s weight to halve [default: 90, or [usage] half_life_days]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from show" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from show" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from show" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from show" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from recommend" -l min-age -d 'Never-viewed files younger than this are left alone [default: 30]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from recommend" -l recent -d 'Files watched within this many days are never recommended for removal' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from recommend" -l limit -d 'How many files to list per kind on screen (JSON lists all)' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from recommend" -l half-life -d 'Days for an access\'s weight to halve [default: 90, or [usage] half_life_days]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from recommend" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from recommend" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from recommend" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from recommend" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from recommend" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from recommend" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from recommend" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from recommend" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from recommend" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from prune" -l older-than -d 'Delete raw events older than this many days [default: 365, or [usage] retention_days]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from prune" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from prune" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from prune" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from prune" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from prune" -s n -l dry-run -d 'Count what would be deleted, delete nothing'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from prune" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from prune" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from prune" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from reset" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from reset" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from reset" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from reset" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from reset" -l yes -d 'Do it without asking (required when not on a terminal)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from reset" -s n -l dry-run -d 'Count what would be deleted, delete nothing'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from reset" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from reset" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from reset" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from export" -l out -d 'The JSON file to write (replaced atomically)' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from export" -l since -d 'Count only accesses since TIME (ISO-8601, unix seconds, or an age like 30d)' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from export" -l limit -d 'How many top and bottom files to list' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from export" -l half-life -d 'Days for an access\'s weight to halve [default: 90, or [usage] half_life_days]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from export" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from export" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from export" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from export" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from export" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from export" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from export" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from help" -f -a "record" -d 'Record accesses of files (for player hooks and scripts)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from help" -f -a "import" -d 'Import watch history from a media server\'s database (read-only)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from help" -f -a "report" -d 'Totals, top and bottom files, and a per-show roll-up'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from help" -f -a "show" -d 'One file\'s history and score'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from help" -f -a "recommend" -d 'What could be deleted or archived, and what to keep'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Delete raw events older than a retention period (scores are kept)'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Forget all usage history'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write the JSON report to a file'
complete -c plexsync -n "__fish_plexsync_using_subcommand usage; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plexsync -n "__fish_plexsync_using_subcommand parse" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand parse" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand parse" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand parse" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand parse" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand parse" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand parse" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand parse" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand parse" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and not __fish_seen_subcommand_from check run verify queue report restore help" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and not __fish_seen_subcommand_from check run verify queue report restore help" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and not __fish_seen_subcommand_from check run verify queue report restore help" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and not __fish_seen_subcommand_from check run verify queue report restore help" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and not __fish_seen_subcommand_from check run verify queue report restore help" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and not __fish_seen_subcommand_from check run verify queue report restore help" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and not __fish_seen_subcommand_from check run verify queue report restore help" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and not __fish_seen_subcommand_from check run verify queue report restore help" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and not __fish_seen_subcommand_from check run verify queue report restore help" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and not __fish_seen_subcommand_from check run verify queue report restore help" -f -a "check" -d 'Compare local files with the source and queue what is missing, incomplete, corrupted or outdated'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and not __fish_seen_subcommand_from check run verify queue report restore help" -f -a "run" -d 'Copy queued files again from the source, verified (resumes, retries, backups)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and not __fish_seen_subcommand_from check run verify queue report restore help" -f -a "verify" -d 'Scrub local files alone: container check and recorded-hash check; queue failures'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and not __fish_seen_subcommand_from check run verify queue report restore help" -f -a "queue" -d 'List, add, cancel or clear queued requests'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and not __fish_seen_subcommand_from check run verify queue report restore help" -f -a "report" -d 'The history of runs and their statistics, and the replaced files kept as backups'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and not __fish_seen_subcommand_from check run verify queue report restore help" -f -a "restore" -d 'Put a replaced local file back from its backup (the file it replaces is kept in turn)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and not __fish_seen_subcommand_from check run verify queue report restore help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from check" -l library -d 'A library from the config file ([[library]] name, path, source)' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from check" -l source -d 'The source folder (e.g. a mounted share)' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from check" -l dest -d 'The local folder synced from the source' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from check" -l priority -d 'Priority of every request queued, 1 (highest) to 5 [default: by reason]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from check" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from check" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from check" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from check" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from check" -l checksum -d 'Hash both sides (reads every byte) to find same-size corruption'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from check" -l all -d 'Also treat source files never synced as missing'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from check" -s n -l dry-run -d 'Report only: queue nothing and record nothing'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from check" -l exit-code -d 'Exit with 1 when a problem was found'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from check" -l no-mount-check -d 'Judge against the source even when it looks unmounted (its files really were renamed or deleted)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from check" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from check" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from run" -l library -d 'A library from the config file ([[library]] name, path, source)' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from run" -l source -d 'The source folder (e.g. a mounted share)' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from run" -l dest -d 'The local folder synced from the source' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from run" -l retries -d 'Retries after a failed attempt (source I/O errors, failed verification) [default: 3]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from run" -l backoff -d 'Base of the exponential backoff between attempts, in seconds, capped at 60 [default: 1]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from run" -l backup-dir -d 'Keep each replaced local file below this folder, never pruned [default: .plexsync-backup at the library root, pruned after --backup-days]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from run" -l backup-days -d 'Days to keep replaced files in the library\'s .plexsync-backup folder; 0 keeps none [default: 7]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from run" -l settle -d 'Copy a source only once it has not been modified for this long, in seconds [default: 300]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from run" -l bwlimit -d 'Limit the total read rate from the source (bytes per second; K, M, G suffixes)' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from run" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from run" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from run" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from run" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from run" -l no-resume -d 'Always copy whole files, never resume from an interrupted copy'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from run" -l check -d 'Check the library first (or every configured one), then run: one command for cron'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from run" -l checksum -d 'With --check: hash both sides (reads every byte)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from run" -l all -d 'With --check: also copy source files never synced'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from run" -s n -l dry-run -d 'Show what would be copied and how many bytes; change nothing'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from run" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from run" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from run" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from verify" -l library -d 'A library from the config file ([[library]] name, path, source)' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from verify" -l source -d 'The source folder (e.g. a mounted share)' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from verify" -l dest -d 'The local folder synced from the source' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from verify" -l priority -d 'Priority of every request queued, 1 (highest) to 5 [default: by reason]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from verify" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from verify" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from verify" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from verify" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from verify" -s n -l dry-run -d 'Report only: queue nothing and record nothing'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from verify" -l exit-code -d 'Exit with 1 when a file failed'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from verify" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from queue" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from queue" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from queue" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from queue" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from queue" -l all -d 'Without a subcommand: list done and cancelled requests too (as `queue list --all`)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from queue" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from queue" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from queue" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from queue" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from queue" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from queue" -f -a "list" -d 'List requests (open ones unless --all)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from queue" -f -a "add" -d 'Queue local files by hand (reason user_request)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from queue" -f -a "cancel" -d 'Cancel an open request by id or by path'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from queue" -f -a "clear" -d 'Delete finished requests from the queue'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from queue" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from report" -l out -d 'Write the whole history as JSON to this file' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from report" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from report" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from report" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from report" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from report" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from report" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from report" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from report" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from report" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from restore" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from restore" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from restore" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from restore" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from restore" -s n -l dry-run -d 'Show what would be restored; change nothing'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from restore" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from restore" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from restore" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from help" -f -a "check" -d 'Compare local files with the source and queue what is missing, incomplete, corrupted or outdated'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from help" -f -a "run" -d 'Copy queued files again from the source, verified (resumes, retries, backups)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Scrub local files alone: container check and recorded-hash check; queue failures'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from help" -f -a "queue" -d 'List, add, cancel or clear queued requests'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from help" -f -a "report" -d 'The history of runs and their statistics, and the replaced files kept as backups'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Put a replaced local file back from its backup (the file it replaces is kept in turn)'
complete -c plexsync -n "__fish_plexsync_using_subcommand resync; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -f -a "completions" -d 'Shell completions, to stdout or into a folder'
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -f -a "man" -d 'Man pages (one per command) into a folder'
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and __fish_seen_subcommand_from completions" -l out -d 'Write the file into this folder instead of stdout' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and __fish_seen_subcommand_from completions" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and __fish_seen_subcommand_from completions" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and __fish_seen_subcommand_from completions" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and __fish_seen_subcommand_from completions" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and __fish_seen_subcommand_from completions" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and __fish_seen_subcommand_from completions" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and __fish_seen_subcommand_from completions" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and __fish_seen_subcommand_from completions" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and __fish_seen_subcommand_from completions" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and __fish_seen_subcommand_from man" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and __fish_seen_subcommand_from man" -l config -d 'Config file: TOML, or the original tool\'s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and __fish_seen_subcommand_from man" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and __fish_seen_subcommand_from man" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and __fish_seen_subcommand_from man" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and __fish_seen_subcommand_from man" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and __fish_seen_subcommand_from man" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and __fish_seen_subcommand_from man" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and __fish_seen_subcommand_from man" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "completions" -d 'Shell completions, to stdout or into a folder'
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "man" -d 'Man pages (one per command) into a folder'
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and not __fish_seen_subcommand_from scan status organize dupes usage parse resync generate help" -f -a "scan" -d 'Walk folders and record their files in the catalog'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and not __fish_seen_subcommand_from scan status organize dupes usage parse resync generate help" -f -a "status" -d 'Show what the catalog knows, per root, by kind and status'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and not __fish_seen_subcommand_from scan status organize dupes usage parse resync generate help" -f -a "organize" -d 'Move media into a clean layout by rules, with a plan, a journal and undo'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and not __fish_seen_subcommand_from scan status organize dupes usage parse resync generate help" -f -a "dupes" -d 'Find duplicate files (exact, partial, same media) and act on them safely'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and not __fish_seen_subcommand_from scan status organize dupes usage parse resync generate help" -f -a "usage" -d 'Record and import who watched what; score files; recommend what to delete or archive'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and not __fish_seen_subcommand_from scan status organize dupes usage parse resync generate help" -f -a "parse" -d 'Read release names: movie or episode, title, year, season, episode, quality, group'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and not __fish_seen_subcommand_from scan status organize dupes usage parse resync generate help" -f -a "resync" -d 'Find broken local copies and make them whole again from the source, verified'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and not __fish_seen_subcommand_from scan status organize dupes usage parse resync generate help" -f -a "generate" -d 'Generate shell completions or man pages'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and not __fish_seen_subcommand_from scan status organize dupes usage parse resync generate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from organize" -f -a "plan" -d 'Show every move the rules want, and what stays and why (changes nothing)'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from organize" -f -a "apply" -d 'Carry the plan out, journaled so it can be undone'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from organize" -f -a "undo" -d 'Move every file of a run back (the last run by default)'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from organize" -f -a "recover" -d 'Finish or roll back a run interrupted by a crash'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from organize" -f -a "history" -d 'List organize runs'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from organize" -f -a "rules" -d 'Print the rules in force (TOML, ready to copy into a rules file)'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from dupes" -f -a "find" -d 'Find groups of duplicates (changes no file)'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from dupes" -f -a "remove" -d 'Delete the non-keepers of the chosen groups (or move them to the trash: --trash)'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from dupes" -f -a "link" -d 'Replace the non-keepers of exact groups with hard links (or --symlink) to the keeper'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from dupes" -f -a "move" -d 'Move the non-keepers into a folder, keeping their paths relative to their root'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from usage" -f -a "record" -d 'Record accesses of files (for player hooks and scripts)'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from usage" -f -a "import" -d 'Import watch history from a media server\'s database (read-only)'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from usage" -f -a "report" -d 'Totals, top and bottom files, and a per-show roll-up'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from usage" -f -a "show" -d 'One file\'s history and score'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from usage" -f -a "recommend" -d 'What could be deleted or archived, and what to keep'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from usage" -f -a "prune" -d 'Delete raw events older than a retention period (scores are kept)'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from usage" -f -a "reset" -d 'Forget all usage history'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from usage" -f -a "export" -d 'Write the JSON report to a file'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from resync" -f -a "check" -d 'Compare local files with the source and queue what is missing, incomplete, corrupted or outdated'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from resync" -f -a "run" -d 'Copy queued files again from the source, verified (resumes, retries, backups)'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from resync" -f -a "verify" -d 'Scrub local files alone: container check and recorded-hash check; queue failures'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from resync" -f -a "queue" -d 'List, add, cancel or clear queued requests'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from resync" -f -a "report" -d 'The history of runs and their statistics, and the replaced files kept as backups'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from resync" -f -a "restore" -d 'Put a replaced local file back from its backup (the file it replaces is kept in turn)'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "completions" -d 'Shell completions, to stdout or into a folder'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "man" -d 'Man pages (one per command) into a folder'
