//! The original Python tool's settings, `~/.config/plexsync/config.yaml`: profiles, each
//! with named sources (`base_path`, `media_type` movie or tv_show, `enabled`) and one
//! destination folder for movies and one for TV. Each enabled source of the active profile
//! becomes a library: its local root is the destination of its media type, its source the
//! `base_path`. Everything else in the file (discovery, sync, security, logging) belongs
//! to the old tool and is ignored. See `docs/config.md`.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Result};
use yaml_rust2::{Yaml, YamlLoader};

use super::Library;
use crate::paths;

/// The legacy file's default path: `config.yaml` beside the TOML file.
pub fn default_path() -> PathBuf {
    super::default_path().with_extension("yaml")
}

/// Whether `path` names a YAML file (by its extension).
pub fn is_yaml(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// The libraries of the active profile of a legacy file's text; `origin` names it in
/// errors.
pub fn libraries(text: &str, origin: &Path) -> Result<Vec<Library>> {
    let at = |msg: String| anyhow!("{}: {msg}", origin.display());
    let docs = YamlLoader::load_from_str(text).map_err(|e| {
        at(format!(
            "not valid YAML: {} at line {}, column {}",
            e.info(),
            e.marker().line(),
            e.marker().col() + 1
        ))
    })?;
    let Some(doc) = docs.first() else {
        return Ok(Vec::new()); // an empty file
    };
    let profiles = match &doc["profiles"] {
        Yaml::Hash(h) => h,
        Yaml::BadValue | Yaml::Null => return Ok(Vec::new()),
        _ => return Err(at("`profiles` is not a mapping".into())),
    };
    // The active profile, else the first one (as the old tool did).
    let active = doc["active_profile"].as_str().unwrap_or("default");
    let Some((name, profile)) = profiles
        .iter()
        .find(|(k, _)| k.as_str() == Some(active))
        .or_else(|| profiles.iter().next())
    else {
        return Ok(Vec::new());
    };
    let profile_name = name.as_str().unwrap_or("?");
    let dest = |key: &str, default: &str| -> Result<PathBuf> {
        match &profile["destinations"][key] {
            Yaml::String(s) => Ok(paths::expand_tilde(Path::new(s))),
            Yaml::BadValue | Yaml::Null => Ok(paths::expand_tilde(Path::new(default))),
            _ => Err(at(format!(
                "profile {profile_name:?}: destinations.{key} is not a path"
            ))),
        }
    };
    let (movies, tv) = (dest("movies", "~/Media/Movies")?, dest("tv", "~/Media/TV")?);
    let sources = match &profile["sources"] {
        Yaml::Array(a) => a.as_slice(),
        Yaml::BadValue | Yaml::Null => &[],
        _ => bail!(at(format!(
            "profile {profile_name:?}: `sources` is not a list"
        ))),
    };
    let mut libs: Vec<Library> = Vec::new();
    for (i, s) in sources.iter().enumerate() {
        let what = |msg: &str| at(format!("profile {profile_name:?}, source {}: {msg}", i + 1));
        if s["enabled"].as_bool() == Some(false) {
            continue;
        }
        let name = s["name"]
            .as_str()
            .filter(|n| !n.is_empty())
            .ok_or_else(|| what("no `name`"))?;
        let base = s["base_path"]
            .as_str()
            .filter(|p| !p.is_empty())
            .ok_or_else(|| what("no `base_path`"))?;
        let path = match s["media_type"].as_str() {
            Some("movie") => movies.clone(),
            Some("tv_show") => tv.clone(),
            other => {
                return Err(what(&format!(
                    "media_type {:?} is neither \"movie\" nor \"tv_show\"",
                    other.unwrap_or("")
                )))
            }
        };
        if libs.iter().any(|l| l.name == name) {
            return Err(what(&format!("the name {name:?} is used twice")));
        }
        libs.push(Library {
            name: name.to_string(),
            path,
            source: Some(paths::expand_tilde(Path::new(base))),
            jobs: None,
        });
    }
    Ok(libs)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape the old tool wrote (`yaml.safe_dump` of its profiles).
    const OLD: &str = "\
active_profile: home
profiles:
  default:
    sources:
    - base_path: /elsewhere
      media_type: movie
      name: Other
  home:
    destinations:
      create_directories: true
      movies: /data/Movies
      preserve_permissions: true
    discovery:
      scan_depth: 5
      video_extensions: [.mkv, .mp4]
    sources:
    - auto_mount: null
      base_path: /mnt/media/Movies
      enabled: true
      media_type: movie
      name: Movies Primary
      scan_depth: 5
    - base_path: /mnt/media/Movies2
      enabled: false
      media_type: movie
      name: Movies Secondary
    - base_path: /mnt/media/TV
      media_type: tv_show
      name: TV Shows Primary
    sync:
      mode: incremental
      retry_attempts: 3
";

    #[test]
    fn enabled_sources_of_the_active_profile_become_libraries() {
        let libs = libraries(OLD, Path::new("c.yaml")).unwrap();
        let home = crate::catalog::home_dir();
        assert_eq!(
            libs,
            vec![
                Library {
                    name: "Movies Primary".into(),
                    path: "/data/Movies".into(),
                    source: Some("/mnt/media/Movies".into()),
                    jobs: None,
                },
                Library {
                    name: "TV Shows Primary".into(),
                    // The old tool's default destination for TV.
                    path: home.join("Media/TV"),
                    source: Some("/mnt/media/TV".into()),
                    jobs: None,
                },
            ]
        );
    }

    #[test]
    fn without_the_named_profile_the_first_one_is_used() {
        let text = OLD.replace("active_profile: home", "active_profile: gone");
        let libs = libraries(&text, Path::new("c.yaml")).unwrap();
        assert_eq!(libs.len(), 1);
        assert_eq!(libs[0].name, "Other");
        assert_eq!(libs[0].source.as_deref(), Some(Path::new("/elsewhere")));
        // Empty files and files without profiles hold no libraries.
        assert!(libraries("", Path::new("c.yaml")).unwrap().is_empty());
        assert!(libraries("active_profile: x\n", Path::new("c.yaml"))
            .unwrap()
            .is_empty());
    }

    #[test]
    fn bad_files_are_errors_that_say_where() {
        let err = |text: &str| {
            libraries(text, Path::new("c.yaml"))
                .unwrap_err()
                .to_string()
        };
        let e = err("profiles:\n  a: [1, 2\n");
        assert!(
            e.starts_with("c.yaml: not valid YAML") && e.contains("line"),
            "{e}"
        );
        let e = err("profiles:\n  a:\n    sources:\n    - name: X\n      media_type: movie\n");
        assert!(e.contains("source 1: no `base_path`"), "{e}");
        let e = err(
            "profiles:\n  a:\n    sources:\n    - {name: X, base_path: /x, media_type: music}\n",
        );
        assert!(e.contains("\"music\" is neither"), "{e}");
        let e = err("profiles:\n  a:\n    sources:\n    - {name: X, base_path: /x, media_type: movie}\n    - {name: X, base_path: /y, media_type: movie}\n");
        assert!(e.contains("source 2: the name \"X\" is used twice"), "{e}");
        let e = err("profiles: [1]\n");
        assert!(e.contains("`profiles` is not a mapping"), "{e}");
    }

    #[test]
    fn never_panics_on_cut_or_garbled_files() {
        // Every prefix of a real file, then random YAML punctuation dropped into it, and
        // deep nesting: each is libraries or an error, never a panic.
        for end in 0..=OLD.len() {
            if OLD.is_char_boundary(end) {
                let _ = libraries(&OLD[..end], Path::new("c.yaml"));
            }
        }
        let marks = b":-[]{}\n \"'&*!|>#,?%@`";
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            x.wrapping_mul(0x2545_f491_4f6c_dd1d)
        };
        for _ in 0..3_000 {
            let mut bytes = OLD.as_bytes().to_vec();
            for _ in 0..1 + next() % 6 {
                let at = (next() % bytes.len() as u64) as usize;
                bytes[at] = marks[(next() % marks.len() as u64) as usize];
            }
            let _ = libraries(&String::from_utf8_lossy(&bytes), Path::new("c.yaml"));
        }
        for deep in ["[".repeat(5_000), "{a: ".repeat(5_000), "- ".repeat(5_000)] {
            let _ = libraries(
                &format!("profiles:\n  a:\n    sources: {deep}\n"),
                Path::new("c.yaml"),
            );
        }
    }

    #[test]
    fn yaml_files_are_told_by_their_extension() {
        assert!(is_yaml(Path::new("/a/config.yaml")));
        assert!(is_yaml(Path::new("old.YML")));
        assert!(!is_yaml(Path::new("config.toml")));
        assert!(!is_yaml(Path::new("yaml")));
    }
}
