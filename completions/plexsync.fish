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
complete -c plexsync -n "__fish_plexsync_needs_command" -l config -d 'Config file [default: ~/.config/plexsync/config.toml]' -r -F
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
complete -c plexsync -n "__fish_plexsync_needs_command" -f -a "dupes" -d 'Find duplicate files (exact, partial, same media) and act on them safely'
complete -c plexsync -n "__fish_plexsync_needs_command" -f -a "parse" -d 'Read release names: movie or episode, title, year, season, episode, quality, group'
complete -c plexsync -n "__fish_plexsync_needs_command" -f -a "generate" -d 'Generate shell completions or man pages'
complete -c plexsync -n "__fish_plexsync_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plexsync -n "__fish_plexsync_using_subcommand scan" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand scan" -l config -d 'Config file [default: ~/.config/plexsync/config.toml]' -r -F
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
complete -c plexsync -n "__fish_plexsync_using_subcommand status" -l config -d 'Config file [default: ~/.config/plexsync/config.toml]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand status" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand status" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand status" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand status" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand status" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand status" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand status" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and not __fish_seen_subcommand_from find remove link move help" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and not __fish_seen_subcommand_from find remove link move help" -l config -d 'Config file [default: ~/.config/plexsync/config.toml]' -r -F
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
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and not __fish_seen_subcommand_from find remove link move help" -f -a "remove" -d 'Delete the non-keepers of the chosen groups (or move them to --trash DIR)'
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
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from find" -l config -d 'Config file [default: ~/.config/plexsync/config.toml]' -r -F
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
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from remove" -l trash -d 'Move the files into this folder (keeping relative paths) instead of deleting them' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from remove" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from remove" -l config -d 'Config file [default: ~/.config/plexsync/config.toml]' -r -F
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
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from link" -l config -d 'Config file [default: ~/.config/plexsync/config.toml]' -r -F
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
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from move" -l config -d 'Config file [default: ~/.config/plexsync/config.toml]' -r -F
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
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Delete the non-keepers of the chosen groups (or move them to --trash DIR)'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from help" -f -a "link" -d 'Replace the non-keepers of exact groups with hard links (or --symlink) to the keeper'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from help" -f -a "move" -d 'Move the non-keepers into a folder, keeping their paths relative to their root'
complete -c plexsync -n "__fish_plexsync_using_subcommand dupes; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plexsync -n "__fish_plexsync_using_subcommand parse" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand parse" -l config -d 'Config file [default: ~/.config/plexsync/config.toml]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand parse" -l color -d 'When to use colour (NO_COLOR turns auto off)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c plexsync -n "__fish_plexsync_using_subcommand parse" -s j -l jobs -d 'Worker threads [default: number of CPUs]' -r
complete -c plexsync -n "__fish_plexsync_using_subcommand parse" -l json -d 'Print JSON Lines on stdout (see docs/json.md)'
complete -c plexsync -n "__fish_plexsync_using_subcommand parse" -s q -l quiet -d 'No progress and no warnings'
complete -c plexsync -n "__fish_plexsync_using_subcommand parse" -s v -l verbose -d 'More detail on stderr (repeat for more)'
complete -c plexsync -n "__fish_plexsync_using_subcommand parse" -s h -l help -d 'Print help'
complete -c plexsync -n "__fish_plexsync_using_subcommand parse" -s V -l version -d 'Print version'
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l catalog -d 'Catalog file [default: ~/.local/share/plexsync/catalog.db]' -r -F
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l config -d 'Config file [default: ~/.config/plexsync/config.toml]' -r -F
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
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and __fish_seen_subcommand_from completions" -l config -d 'Config file [default: ~/.config/plexsync/config.toml]' -r -F
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
complete -c plexsync -n "__fish_plexsync_using_subcommand generate; and __fish_seen_subcommand_from man" -l config -d 'Config file [default: ~/.config/plexsync/config.toml]' -r -F
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
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and not __fish_seen_subcommand_from scan status dupes parse generate help" -f -a "scan" -d 'Walk folders and record their files in the catalog'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and not __fish_seen_subcommand_from scan status dupes parse generate help" -f -a "status" -d 'Show what the catalog knows, per root, by kind and status'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and not __fish_seen_subcommand_from scan status dupes parse generate help" -f -a "dupes" -d 'Find duplicate files (exact, partial, same media) and act on them safely'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and not __fish_seen_subcommand_from scan status dupes parse generate help" -f -a "parse" -d 'Read release names: movie or episode, title, year, season, episode, quality, group'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and not __fish_seen_subcommand_from scan status dupes parse generate help" -f -a "generate" -d 'Generate shell completions or man pages'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and not __fish_seen_subcommand_from scan status dupes parse generate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from dupes" -f -a "find" -d 'Find groups of duplicates (changes no file)'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from dupes" -f -a "remove" -d 'Delete the non-keepers of the chosen groups (or move them to --trash DIR)'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from dupes" -f -a "link" -d 'Replace the non-keepers of exact groups with hard links (or --symlink) to the keeper'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from dupes" -f -a "move" -d 'Move the non-keepers into a folder, keeping their paths relative to their root'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "completions" -d 'Shell completions, to stdout or into a folder'
complete -c plexsync -n "__fish_plexsync_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "man" -d 'Man pages (one per command) into a folder'
