
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'plexsync' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'plexsync'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'plexsync' {
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Walk folders and record their files in the catalog')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show what the catalog knows, per root, by kind and status')
            [CompletionResult]::new('organize', 'organize', [CompletionResultType]::ParameterValue, 'Move media into a clean layout by rules, with a plan, a journal and undo')
            [CompletionResult]::new('dupes', 'dupes', [CompletionResultType]::ParameterValue, 'Find duplicate files (exact, partial, same media) and act on them safely')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'Record and import who watched what; score files; recommend what to delete or archive')
            [CompletionResult]::new('parse', 'parse', [CompletionResultType]::ParameterValue, 'Read release names: movie or episode, title, year, season, episode, quality, group')
            [CompletionResult]::new('resync', 'resync', [CompletionResultType]::ParameterValue, 'Find broken local copies and make them whole again from the source, verified')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate shell completions or man pages')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plexsync;scan' {
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--hash', '--hash', [CompletionResultType]::ParameterName, 'Compute BLAKE3 of new and changed files')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Follow symbolic links (loops are detected)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Follow symbolic links (loops are detected)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;status' {
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;organize' {
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show every move the rules want, and what stays and why (changes nothing)')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Carry the plan out, journaled so it can be undone')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Move every file of a run back (the last run by default)')
            [CompletionResult]::new('recover', 'recover', [CompletionResultType]::ParameterValue, 'Finish or roll back a run interrupted by a crash')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List organize runs')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'Print the rules in force (TOML, ready to copy into a rules file)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plexsync;organize;plan' {
            [CompletionResult]::new('--into', '--into', [CompletionResultType]::ParameterName, 'Target root of the layout [default: organize.into in the config]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Built-in strategy (see `organize rules --list`) [default: plex]')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, 'Rules file (TOML with [[rule]] tables)')
            [CompletionResult]::new('--on-conflict', '--on-conflict', [CompletionResultType]::ParameterName, 'When a target already exists')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--portable', '--portable', [CompletionResultType]::ParameterName, 'Windows/SMB-safe names [default: on for CIFS, NTFS, FAT targets]')
            [CompletionResult]::new('--no-portable', '--no-portable', [CompletionResultType]::ParameterName, 'Never use portable names, even on a CIFS/NTFS target')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit 1 when something would move (plan only; like `git diff --exit-code`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;organize;apply' {
            [CompletionResult]::new('--into', '--into', [CompletionResultType]::ParameterName, 'Target root of the layout [default: organize.into in the config]')
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Built-in strategy (see `organize rules --list`) [default: plex]')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, 'Rules file (TOML with [[rule]] tables)')
            [CompletionResult]::new('--on-conflict', '--on-conflict', [CompletionResultType]::ParameterName, 'When a target already exists')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--portable', '--portable', [CompletionResultType]::ParameterName, 'Windows/SMB-safe names [default: on for CIFS, NTFS, FAT targets]')
            [CompletionResult]::new('--no-portable', '--no-portable', [CompletionResultType]::ParameterName, 'Never use portable names, even on a CIFS/NTFS target')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit 1 when something would move (plan only; like `git diff --exit-code`)')
            [CompletionResult]::new('--copy', '--copy', [CompletionResultType]::ParameterName, 'Copy (verified) instead of moving')
            [CompletionResult]::new('--hardlink', '--hardlink', [CompletionResultType]::ParameterName, 'Hard-link instead of moving')
            [CompletionResult]::new('--symlink', '--symlink', [CompletionResultType]::ParameterName, 'Symlink instead of moving')
            [CompletionResult]::new('--follow-links', '--follow-links', [CompletionResultType]::ParameterName, 'Write through symbolic links to folders below --into (a folder linked to another disk on purpose); without it such a link stops the run')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would happen, change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would happen, change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required without a terminal)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;organize;undo' {
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would be moved back, change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be moved back, change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required without a terminal)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;organize;recover' {
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show the interrupted runs, change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the interrupted runs, change nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;organize;history' {
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;organize;rules' {
            [CompletionResult]::new('--strategy', '--strategy', [CompletionResultType]::ParameterName, 'Built-in strategy (see `organize rules --list`) [default: plex]')
            [CompletionResult]::new('--rules', '--rules', [CompletionResultType]::ParameterName, 'Rules file (TOML with [[rule]] tables)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List the built-in strategies and template fields instead')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;organize;help' {
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show every move the rules want, and what stays and why (changes nothing)')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Carry the plan out, journaled so it can be undone')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Move every file of a run back (the last run by default)')
            [CompletionResult]::new('recover', 'recover', [CompletionResultType]::ParameterValue, 'Finish or roll back a run interrupted by a crash')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List organize runs')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'Print the rules in force (TOML, ready to copy into a rules file)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plexsync;organize;help;plan' {
            break
        }
        'plexsync;organize;help;apply' {
            break
        }
        'plexsync;organize;help;undo' {
            break
        }
        'plexsync;organize;help;recover' {
            break
        }
        'plexsync;organize;help;history' {
            break
        }
        'plexsync;organize;help;rules' {
            break
        }
        'plexsync;organize;help;help' {
            break
        }
        'plexsync;dupes' {
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'Find groups of duplicates (changes no file)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Delete the non-keepers of the chosen groups (or move them to the trash: --trash)')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Replace the non-keepers of exact groups with hard links (or --symlink) to the keeper')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move the non-keepers into a folder, keeping their paths relative to their root')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plexsync;dupes;find' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Detectors, comma-separated [default: all for find, exact for acting verbs]')
            [CompletionResult]::new('--min-size', '--min-size', [CompletionResultType]::ParameterName, 'Ignore files smaller than this (e.g. 0, 4096, 10K, 1MiB)')
            [CompletionResult]::new('--keep', '--keep', [CompletionResultType]::ParameterName, 'Keeper rule: best, newest, oldest, largest or path:GLOB')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Follow symbolic links while scanning (loops are detected)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Follow symbolic links while scanning (loops are detected)')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit with 1 when duplicates are found')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;dupes;remove' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Detectors, comma-separated [default: all for find, exact for acting verbs]')
            [CompletionResult]::new('--min-size', '--min-size', [CompletionResultType]::ParameterName, 'Ignore files smaller than this (e.g. 0, 4096, 10K, 1MiB)')
            [CompletionResult]::new('--keep', '--keep', [CompletionResultType]::ParameterName, 'Keeper rule: best, newest, oldest, largest or path:GLOB')
            [CompletionResult]::new('--min-confidence', '--min-confidence', [CompletionResultType]::ParameterName, 'Act only on groups at least this sure')
            [CompletionResult]::new('--trash', '--trash', [CompletionResultType]::ParameterName, 'Move the files to the desktop trash of their file system instead of deleting them (freedesktop.org: restorable from a file manager), or into DIR keeping relative paths. Without DIR, give it after the paths')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Follow symbolic links while scanning (loops are detected)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Follow symbolic links while scanning (loops are detected)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Print what would happen, change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would happen, change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;dupes;link' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Detectors, comma-separated [default: all for find, exact for acting verbs]')
            [CompletionResult]::new('--min-size', '--min-size', [CompletionResultType]::ParameterName, 'Ignore files smaller than this (e.g. 0, 4096, 10K, 1MiB)')
            [CompletionResult]::new('--keep', '--keep', [CompletionResultType]::ParameterName, 'Keeper rule: best, newest, oldest, largest or path:GLOB')
            [CompletionResult]::new('--min-confidence', '--min-confidence', [CompletionResultType]::ParameterName, 'Act only on groups at least this sure')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Follow symbolic links while scanning (loops are detected)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Follow symbolic links while scanning (loops are detected)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Print what would happen, change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would happen, change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--symlink', '--symlink', [CompletionResultType]::ParameterName, 'Symbolic links (absolute) instead of hard links')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;dupes;move' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Detectors, comma-separated [default: all for find, exact for acting verbs]')
            [CompletionResult]::new('--min-size', '--min-size', [CompletionResultType]::ParameterName, 'Ignore files smaller than this (e.g. 0, 4096, 10K, 1MiB)')
            [CompletionResult]::new('--keep', '--keep', [CompletionResultType]::ParameterName, 'Keeper rule: best, newest, oldest, largest or path:GLOB')
            [CompletionResult]::new('--min-confidence', '--min-confidence', [CompletionResultType]::ParameterName, 'Act only on groups at least this sure')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Destination folder')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Follow symbolic links while scanning (loops are detected)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Follow symbolic links while scanning (loops are detected)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Print what would happen, change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would happen, change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;dupes;help' {
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'Find groups of duplicates (changes no file)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Delete the non-keepers of the chosen groups (or move them to the trash: --trash)')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Replace the non-keepers of exact groups with hard links (or --symlink) to the keeper')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move the non-keepers into a folder, keeping their paths relative to their root')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plexsync;dupes;help;find' {
            break
        }
        'plexsync;dupes;help;remove' {
            break
        }
        'plexsync;dupes;help;link' {
            break
        }
        'plexsync;dupes;help;move' {
            break
        }
        'plexsync;dupes;help;help' {
            break
        }
        'plexsync;usage' {
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('record', 'record', [CompletionResultType]::ParameterValue, 'Record accesses of files (for player hooks and scripts)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import watch history from a media server''s database (read-only)')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Totals, top and bottom files, and a per-show roll-up')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One file''s history and score')
            [CompletionResult]::new('recommend', 'recommend', [CompletionResultType]::ParameterValue, 'What could be deleted or archived, and what to keep')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete raw events older than a retention period (scores are kept)')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Forget all usage history')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the JSON report to a file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plexsync;usage;record' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'What happened')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When: ISO-8601, unix seconds, or an age like 2h [default: now]')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Extra facts as a JSON object (e.g. ''{"user":"ann","position_secs":300}'')')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Who watched (stored in the metadata as "user")')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;usage;import' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The source''s database (repeat for Jellyfin: core db and playback_reporting.db) [legacy default: ~/.plexsync/usage.db]')
            [CompletionResult]::new('--map', '--map', [CompletionResultType]::ParameterName, 'Rewrite server paths to local ones (repeatable; longest FROM wins)')
            [CompletionResult]::new('--plex-db', '--plex-db', [CompletionResultType]::ParameterName, 'Tautulli: the Plex database that resolves rating keys to files')
            [CompletionResult]::new('--server-tz', '--server-tz', [CompletionResultType]::ParameterName, 'The server''s time zone, for the wall-clock times Kodi, Playback Reporting and the old tool write: an IANA name or an offset like +02:00 [default: [usage.server_tz], else this machine''s]')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--show-unmatched', '--show-unmatched', [CompletionResultType]::ParameterName, 'List plays that matched no local file')
            [CompletionResult]::new('--full', '--full', [CompletionResultType]::ParameterName, 'Read everything again, ignoring the watermark (nothing is imported twice)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Read and count, write nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Read and count, write nothing')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit 1 when a play matched no local file')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;usage;report' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Count only accesses since TIME (ISO-8601, unix seconds, or an age like 30d)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many top and bottom files to list')
            [CompletionResult]::new('--half-life', '--half-life', [CompletionResultType]::ParameterName, 'Days for an access''s weight to halve [default: 90, or [usage] half_life_days]')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;usage;show' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many events to list, newest first')
            [CompletionResult]::new('--half-life', '--half-life', [CompletionResultType]::ParameterName, 'Days for an access''s weight to halve [default: 90, or [usage] half_life_days]')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;usage;recommend' {
            [CompletionResult]::new('--min-age', '--min-age', [CompletionResultType]::ParameterName, 'Never-viewed files younger than this are left alone [default: 30]')
            [CompletionResult]::new('--recent', '--recent', [CompletionResultType]::ParameterName, 'Files watched within this many days are never recommended for removal')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many files to list per kind on screen (JSON lists all)')
            [CompletionResult]::new('--half-life', '--half-life', [CompletionResultType]::ParameterName, 'Days for an access''s weight to halve [default: 90, or [usage] half_life_days]')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;usage;prune' {
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Delete raw events older than this many days [default: 365, or [usage] retention_days]')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Count what would be deleted, delete nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Count what would be deleted, delete nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;usage;reset' {
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do it without asking (required when not on a terminal)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Count what would be deleted, delete nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Count what would be deleted, delete nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;usage;export' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'The JSON file to write (replaced atomically)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Count only accesses since TIME (ISO-8601, unix seconds, or an age like 30d)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many top and bottom files to list')
            [CompletionResult]::new('--half-life', '--half-life', [CompletionResultType]::ParameterName, 'Days for an access''s weight to halve [default: 90, or [usage] half_life_days]')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;usage;help' {
            [CompletionResult]::new('record', 'record', [CompletionResultType]::ParameterValue, 'Record accesses of files (for player hooks and scripts)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import watch history from a media server''s database (read-only)')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Totals, top and bottom files, and a per-show roll-up')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One file''s history and score')
            [CompletionResult]::new('recommend', 'recommend', [CompletionResultType]::ParameterValue, 'What could be deleted or archived, and what to keep')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete raw events older than a retention period (scores are kept)')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Forget all usage history')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the JSON report to a file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plexsync;usage;help;record' {
            break
        }
        'plexsync;usage;help;import' {
            break
        }
        'plexsync;usage;help;report' {
            break
        }
        'plexsync;usage;help;show' {
            break
        }
        'plexsync;usage;help;recommend' {
            break
        }
        'plexsync;usage;help;prune' {
            break
        }
        'plexsync;usage;help;reset' {
            break
        }
        'plexsync;usage;help;export' {
            break
        }
        'plexsync;usage;help;help' {
            break
        }
        'plexsync;parse' {
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;resync' {
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Compare local files with the source and queue what is missing, incomplete, corrupted or outdated')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Copy queued files again from the source, verified (resumes, retries, backups)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Scrub local files alone: container check and recorded-hash check; queue failures')
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'List, add, cancel or clear queued requests')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'The history of runs and their statistics, and the replaced files kept as backups')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put a replaced local file back from its backup (the file it replaces is kept in turn)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plexsync;resync;check' {
            [CompletionResult]::new('--library', '--library', [CompletionResultType]::ParameterName, 'A library from the config file ([[library]] name, path, source)')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'The source folder (e.g. a mounted share)')
            [CompletionResult]::new('--dest', '--dest', [CompletionResultType]::ParameterName, 'The local folder synced from the source')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'Priority of every request queued, 1 (highest) to 5 [default: by reason]')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--checksum', '--checksum', [CompletionResultType]::ParameterName, 'Hash both sides (reads every byte) to find same-size corruption')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Also treat source files never synced as missing')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Report only: queue nothing and record nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Report only: queue nothing and record nothing')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit with 1 when a problem was found')
            [CompletionResult]::new('--no-mount-check', '--no-mount-check', [CompletionResultType]::ParameterName, 'Judge against the source even when it looks unmounted (its files really were renamed or deleted)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;resync;run' {
            [CompletionResult]::new('--library', '--library', [CompletionResultType]::ParameterName, 'A library from the config file ([[library]] name, path, source)')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'The source folder (e.g. a mounted share)')
            [CompletionResult]::new('--dest', '--dest', [CompletionResultType]::ParameterName, 'The local folder synced from the source')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a failed attempt (source I/O errors, failed verification) [default: 3]')
            [CompletionResult]::new('--backoff', '--backoff', [CompletionResultType]::ParameterName, 'Base of the exponential backoff between attempts, in seconds, capped at 60 [default: 1]')
            [CompletionResult]::new('--backup-dir', '--backup-dir', [CompletionResultType]::ParameterName, 'Keep each replaced local file below this folder, never pruned [default: .plexsync-backup at the library root, pruned after --backup-days]')
            [CompletionResult]::new('--backup-days', '--backup-days', [CompletionResultType]::ParameterName, 'Days to keep replaced files in the library''s .plexsync-backup folder; 0 keeps none [default: 7]')
            [CompletionResult]::new('--settle', '--settle', [CompletionResultType]::ParameterName, 'Copy a source only once it has not been modified for this long, in seconds [default: 300]')
            [CompletionResult]::new('--bwlimit', '--bwlimit', [CompletionResultType]::ParameterName, 'Limit the total read rate from the source (bytes per second; K, M, G suffixes)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--no-resume', '--no-resume', [CompletionResultType]::ParameterName, 'Always copy whole files, never resume from an interrupted copy')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Check the library first (or every configured one), then run: one command for cron')
            [CompletionResult]::new('--checksum', '--checksum', [CompletionResultType]::ParameterName, 'With --check: hash both sides (reads every byte)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'With --check: also copy source files never synced')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would be copied and how many bytes; change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be copied and how many bytes; change nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;resync;verify' {
            [CompletionResult]::new('--library', '--library', [CompletionResultType]::ParameterName, 'A library from the config file ([[library]] name, path, source)')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'The source folder (e.g. a mounted share)')
            [CompletionResult]::new('--dest', '--dest', [CompletionResultType]::ParameterName, 'The local folder synced from the source')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'Priority of every request queued, 1 (highest) to 5 [default: by reason]')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Report only: queue nothing and record nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Report only: queue nothing and record nothing')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit with 1 when a file failed')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;resync;queue' {
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Without a subcommand: list done and cancelled requests too (as `queue list --all`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List requests (open ones unless --all)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Queue local files by hand (reason user_request)')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel an open request by id or by path')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Delete finished requests from the queue')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plexsync;resync;queue;list' {
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Include done and cancelled requests')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;resync;queue;add' {
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, 'Priority, 1 (highest) to 5')
            [CompletionResult]::new('--library', '--library', [CompletionResultType]::ParameterName, 'A library from the config file ([[library]] name, path, source)')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'The source folder (e.g. a mounted share)')
            [CompletionResult]::new('--dest', '--dest', [CompletionResultType]::ParameterName, 'The local folder synced from the source')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;resync;queue;cancel' {
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;resync;queue;clear' {
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--done', '--done', [CompletionResultType]::ParameterName, 'Delete done and cancelled requests')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Delete every request that is not running')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;resync;queue;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List requests (open ones unless --all)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Queue local files by hand (reason user_request)')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel an open request by id or by path')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Delete finished requests from the queue')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plexsync;resync;queue;help;list' {
            break
        }
        'plexsync;resync;queue;help;add' {
            break
        }
        'plexsync;resync;queue;help;cancel' {
            break
        }
        'plexsync;resync;queue;help;clear' {
            break
        }
        'plexsync;resync;queue;help;help' {
            break
        }
        'plexsync;resync;report' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write the whole history as JSON to this file')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;resync;restore' {
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would be restored; change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be restored; change nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;resync;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Compare local files with the source and queue what is missing, incomplete, corrupted or outdated')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Copy queued files again from the source, verified (resumes, retries, backups)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Scrub local files alone: container check and recorded-hash check; queue failures')
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'List, add, cancel or clear queued requests')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'The history of runs and their statistics, and the replaced files kept as backups')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put a replaced local file back from its backup (the file it replaces is kept in turn)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plexsync;resync;help;check' {
            break
        }
        'plexsync;resync;help;run' {
            break
        }
        'plexsync;resync;help;verify' {
            break
        }
        'plexsync;resync;help;queue' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List requests (open ones unless --all)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Queue local files by hand (reason user_request)')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel an open request by id or by path')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Delete finished requests from the queue')
            break
        }
        'plexsync;resync;help;queue;list' {
            break
        }
        'plexsync;resync;help;queue;add' {
            break
        }
        'plexsync;resync;help;queue;cancel' {
            break
        }
        'plexsync;resync;help;queue;clear' {
            break
        }
        'plexsync;resync;help;report' {
            break
        }
        'plexsync;resync;help;restore' {
            break
        }
        'plexsync;resync;help;help' {
            break
        }
        'plexsync;generate' {
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Shell completions, to stdout or into a folder')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Man pages (one per command) into a folder')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plexsync;generate;completions' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write the file into this folder instead of stdout')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;generate;man' {
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Catalog file [default: ~/.local/share/plexsync/catalog.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file: TOML, or the original tool''s YAML by its extension [default: ~/.config/plexsync/config.toml, and config.yaml beside it when it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR turns auto off)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Worker threads [default: number of CPUs]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON Lines on stdout (see docs/json.md)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No progress and no warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr (repeat for more)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'plexsync;generate;help' {
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Shell completions, to stdout or into a folder')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Man pages (one per command) into a folder')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plexsync;generate;help;completions' {
            break
        }
        'plexsync;generate;help;man' {
            break
        }
        'plexsync;generate;help;help' {
            break
        }
        'plexsync;help' {
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Walk folders and record their files in the catalog')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show what the catalog knows, per root, by kind and status')
            [CompletionResult]::new('organize', 'organize', [CompletionResultType]::ParameterValue, 'Move media into a clean layout by rules, with a plan, a journal and undo')
            [CompletionResult]::new('dupes', 'dupes', [CompletionResultType]::ParameterValue, 'Find duplicate files (exact, partial, same media) and act on them safely')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'Record and import who watched what; score files; recommend what to delete or archive')
            [CompletionResult]::new('parse', 'parse', [CompletionResultType]::ParameterValue, 'Read release names: movie or episode, title, year, season, episode, quality, group')
            [CompletionResult]::new('resync', 'resync', [CompletionResultType]::ParameterValue, 'Find broken local copies and make them whole again from the source, verified')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate shell completions or man pages')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'plexsync;help;scan' {
            break
        }
        'plexsync;help;status' {
            break
        }
        'plexsync;help;organize' {
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show every move the rules want, and what stays and why (changes nothing)')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Carry the plan out, journaled so it can be undone')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Move every file of a run back (the last run by default)')
            [CompletionResult]::new('recover', 'recover', [CompletionResultType]::ParameterValue, 'Finish or roll back a run interrupted by a crash')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List organize runs')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'Print the rules in force (TOML, ready to copy into a rules file)')
            break
        }
        'plexsync;help;organize;plan' {
            break
        }
        'plexsync;help;organize;apply' {
            break
        }
        'plexsync;help;organize;undo' {
            break
        }
        'plexsync;help;organize;recover' {
            break
        }
        'plexsync;help;organize;history' {
            break
        }
        'plexsync;help;organize;rules' {
            break
        }
        'plexsync;help;dupes' {
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'Find groups of duplicates (changes no file)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Delete the non-keepers of the chosen groups (or move them to the trash: --trash)')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Replace the non-keepers of exact groups with hard links (or --symlink) to the keeper')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move the non-keepers into a folder, keeping their paths relative to their root')
            break
        }
        'plexsync;help;dupes;find' {
            break
        }
        'plexsync;help;dupes;remove' {
            break
        }
        'plexsync;help;dupes;link' {
            break
        }
        'plexsync;help;dupes;move' {
            break
        }
        'plexsync;help;usage' {
            [CompletionResult]::new('record', 'record', [CompletionResultType]::ParameterValue, 'Record accesses of files (for player hooks and scripts)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import watch history from a media server''s database (read-only)')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Totals, top and bottom files, and a per-show roll-up')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One file''s history and score')
            [CompletionResult]::new('recommend', 'recommend', [CompletionResultType]::ParameterValue, 'What could be deleted or archived, and what to keep')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete raw events older than a retention period (scores are kept)')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Forget all usage history')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the JSON report to a file')
            break
        }
        'plexsync;help;usage;record' {
            break
        }
        'plexsync;help;usage;import' {
            break
        }
        'plexsync;help;usage;report' {
            break
        }
        'plexsync;help;usage;show' {
            break
        }
        'plexsync;help;usage;recommend' {
            break
        }
        'plexsync;help;usage;prune' {
            break
        }
        'plexsync;help;usage;reset' {
            break
        }
        'plexsync;help;usage;export' {
            break
        }
        'plexsync;help;parse' {
            break
        }
        'plexsync;help;resync' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Compare local files with the source and queue what is missing, incomplete, corrupted or outdated')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Copy queued files again from the source, verified (resumes, retries, backups)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Scrub local files alone: container check and recorded-hash check; queue failures')
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'List, add, cancel or clear queued requests')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'The history of runs and their statistics, and the replaced files kept as backups')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put a replaced local file back from its backup (the file it replaces is kept in turn)')
            break
        }
        'plexsync;help;resync;check' {
            break
        }
        'plexsync;help;resync;run' {
            break
        }
        'plexsync;help;resync;verify' {
            break
        }
        'plexsync;help;resync;queue' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List requests (open ones unless --all)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Queue local files by hand (reason user_request)')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel an open request by id or by path')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Delete finished requests from the queue')
            break
        }
        'plexsync;help;resync;queue;list' {
            break
        }
        'plexsync;help;resync;queue;add' {
            break
        }
        'plexsync;help;resync;queue;cancel' {
            break
        }
        'plexsync;help;resync;queue;clear' {
            break
        }
        'plexsync;help;resync;report' {
            break
        }
        'plexsync;help;resync;restore' {
            break
        }
        'plexsync;help;generate' {
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Shell completions, to stdout or into a folder')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Man pages (one per command) into a folder')
            break
        }
        'plexsync;help;generate;completions' {
            break
        }
        'plexsync;help;generate;man' {
            break
        }
        'plexsync;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
