//! Where a file's bytes live, and how to read many of them there. On an SSD or from the
//! page cache, reading files in parallel keeps every core busy; on a spinning disk each
//! extra reader adds seeks, and on a network share each one competes for the same link
//! and server. So files are classified by their device: a block device whose sysfs
//! `queue/rotational` is 1 (a partition is judged by its disk, a device-mapper or md
//! device by the devices under it), or a network file system (by `statfs` magic, and by
//! the FUSE subtype in `/proc/self/mountinfo` for sshfs, rclone and the like). On those,
//! files are read by one reader per device, in the order of their first physical extent
//! (FIEMAP), falling back to inode order where the file system has no extent map. The
//! number of readers can be set instead (`--jobs`, a library's `jobs`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What a device is, as far as reading it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Medium {
    /// An SSD, RAM, or anything not known to seek: read with every worker.
    Solid,
    /// A spinning disk: one reader, in physical order.
    Rotational,
    /// A network file system: one reader per share.
    Network,
}

impl Medium {
    /// The name shown in summaries and `-v` output.
    pub fn as_str(self) -> &'static str {
        match self {
            Medium::Solid => "solid",
            Medium::Rotational => "rotational",
            Medium::Network => "network",
        }
    }

    /// True where parallel readers cost seeks or bandwidth: read one file at a time, in
    /// physical order.
    pub fn serial(self) -> bool {
        !matches!(self, Medium::Solid)
    }
}

/// `statfs` magic numbers of network file systems (from `linux/magic.h` and the file
/// systems' sources).
const NETWORK_MAGIC: &[(u64, &str)] = &[
    (0x6969, "nfs"),
    (0x517B, "smb"),
    (0xFF53_4D42, "cifs"),
    (0xFE53_4D42, "smb2"),
    (0x7375_7245, "coda"),
    (0x5346_414F, "afs"),
    (0x6B41_4653, "afs"),
    (0x00C3_6400, "ceph"),
    (0x0102_1997, "9p"),
    (0x564C, "ncp"),
    (0x0BD0_0BD0, "lustre"),
    (0x4750_4653, "gpfs"),
    (0x013_1111, "ocfs2"),
];

/// FUSE's `statfs` magic: a FUSE mount is judged by its subtype.
const FUSE_MAGIC: u64 = 0x6573_5546;

/// FUSE subtypes (`fuse.NAME` in mountinfo) that reach files over a network.
const NETWORK_FUSE: &[&str] = &[
    "sshfs",
    "rclone",
    "s3fs",
    "gcsfuse",
    "glusterfs",
    "curlftpfs",
    "davfs",
    "smbnetfs",
    "afpfs",
    "goofys",
    "juicefs",
    "moosefs",
    "mfs",
    "cephfs",
    "seaweedfs",
];

/// True when a file system of `magic` (with `fstype` from mountinfo, such as `fuse.sshfs`)
/// is reached over a network.
pub fn is_network_fs(magic: u64, fstype: Option<&str>) -> bool {
    if NETWORK_MAGIC.iter().any(|&(m, _)| m == magic) {
        return true;
    }
    let Some(t) = fstype else { return false };
    if magic == FUSE_MAGIC || t.starts_with("fuse") {
        let sub = t
            .strip_prefix("fuse.")
            .or_else(|| t.strip_prefix("fuseblk."))
            .unwrap_or(t);
        return NETWORK_FUSE.contains(&sub);
    }
    matches!(
        t,
        "nfs" | "nfs4" | "cifs" | "smb3" | "smbfs" | "9p" | "ceph" | "afs"
    )
}

/// Whether the block device `major:minor` spins, read from a sysfs tree at `sys` (`/sys`
/// on a live system). A partition is judged by its disk; a device-mapper or md device
/// (LVM, LUKS, RAID) spins when it says so or when any device under it does. None when
/// sysfs does not know the device (an anonymous device: tmpfs, overlay, btrfs subvolumes).
pub fn rotational(sys: &Path, major: u32, minor: u32) -> Option<bool> {
    let dev = sys.join(format!("dev/block/{major}:{minor}"));
    let dev = std::fs::canonicalize(&dev).ok()?;
    rotational_at(&dev, 0)
}

fn rotational_at(dev: &Path, depth: usize) -> Option<bool> {
    if depth > 8 {
        return None;
    }
    let own = read_flag(&dev.join("queue/rotational")).or_else(|| {
        // A partition has no queue of its own: its parent folder is the disk.
        if dev.join("partition").exists() {
            dev.parent()
                .and_then(|d| read_flag(&d.join("queue/rotational")))
        } else {
            None
        }
    });
    if own == Some(true) {
        return Some(true);
    }
    // Stacked devices: the disks underneath decide when any of them spins.
    let mut under = None;
    if let Ok(rd) = std::fs::read_dir(dev.join("slaves")) {
        for s in rd.flatten() {
            let Ok(p) = std::fs::canonicalize(s.path()) else {
                continue;
            };
            match rotational_at(&p, depth + 1) {
                Some(true) => return Some(true),
                Some(false) => under = Some(false),
                None => {}
            }
        }
    }
    own.or(under)
}

fn read_flag(p: &Path) -> Option<bool> {
    let s = std::fs::read_to_string(p).ok()?;
    match s.trim() {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

/// One line of `/proc/self/mountinfo`, reduced to what classification reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mount {
    /// `major:minor` of the mounted device as the kernel reports it for files there.
    pub dev: (u32, u32),
    pub mount_point: PathBuf,
    pub fstype: String,
    /// The mount source (`/dev/sda1`, `server:/export`, `//nas/share`).
    pub source: String,
}

/// Parse mountinfo text (see proc(5)): `id parent maj:min root mount-point options
/// [optional fields] - fstype source super-options`, with `\040`-style escapes.
pub fn parse_mountinfo(text: &str) -> Vec<Mount> {
    let mut out = Vec::new();
    for line in text.lines() {
        let fields: Vec<&str> = line.split(' ').collect();
        let Some(sep) = fields.iter().position(|f| *f == "-") else {
            continue;
        };
        if fields.len() < 5 || fields.len() < sep + 3 {
            continue;
        }
        let Some((maj, min)) = fields[2].split_once(':') else {
            continue;
        };
        let (Ok(maj), Ok(min)) = (maj.parse(), min.parse()) else {
            continue;
        };
        out.push(Mount {
            dev: (maj, min),
            mount_point: PathBuf::from(unescape(fields[4])),
            fstype: unescape(fields[sep + 1]),
            source: unescape(fields[sep + 2]),
        });
    }
    out
}

fn unescape(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\'
            && i + 3 < b.len()
            && b[i + 1..i + 4].iter().all(|c| (b'0'..=b'7').contains(c))
        {
            let v = (b[i + 1] - b'0') * 64 + (b[i + 2] - b'0') * 8 + (b[i + 3] - b'0');
            out.push(v);
            i += 4;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Linux's `major`/`minor` of a `dev_t`.
pub fn split_dev(dev: u64) -> (u32, u32) {
    let major = ((dev >> 32) & 0xffff_f000) | ((dev >> 8) & 0x0fff);
    let minor = ((dev >> 12) & 0xffff_ff00) | (dev & 0x00ff);
    (major as u32, minor as u32)
}

/// Classifies the devices files live on, once per device.
#[derive(Debug)]
pub struct Devices {
    sys: PathBuf,
    mounts: Vec<Mount>,
    known: HashMap<u64, Medium>,
}

impl Default for Devices {
    fn default() -> Self {
        Devices::new()
    }
}

impl Devices {
    /// Classification from the live system (`/sys`, `/proc/self/mountinfo`).
    pub fn new() -> Devices {
        let mounts = std::fs::read_to_string("/proc/self/mountinfo")
            .map(|t| parse_mountinfo(&t))
            .unwrap_or_default();
        Devices::with(PathBuf::from("/sys"), mounts)
    }

    /// Classification from a given sysfs tree and mount table (tests).
    pub fn with(sys: PathBuf, mounts: Vec<Mount>) -> Devices {
        Devices {
            sys,
            mounts,
            known: HashMap::new(),
        }
    }

    /// The medium of the device `dev` (a file's `st_dev`), with `path` a file on it (for
    /// `statfs`).
    pub fn medium(&mut self, dev: u64, path: &Path) -> Medium {
        if let Some(m) = self.known.get(&dev) {
            return *m;
        }
        let m = self.classify(dev, statfs_magic(path));
        self.known.insert(dev, m);
        m
    }

    /// The medium of device `dev` whose file system has `statfs` magic `magic`.
    pub fn classify(&self, dev: u64, magic: Option<u64>) -> Medium {
        let (major, minor) = split_dev(dev);
        let mount = self.mounts.iter().rev().find(|m| m.dev == (major, minor));
        if is_network_fs(magic.unwrap_or(0), mount.map(|m| m.fstype.as_str())) {
            return Medium::Network;
        }
        let spins = rotational(&self.sys, major, minor).or_else(|| {
            // An anonymous device (btrfs, some FUSE): judge by the device it was mounted
            // from, when that is a block device.
            let src = mount?.source.as_str();
            let rdev = std::os::unix::fs::MetadataExt::rdev(&std::fs::metadata(src).ok()?);
            let (ma, mi) = split_dev(rdev);
            (ma != 0).then(|| rotational(&self.sys, ma, mi)).flatten()
        });
        if spins == Some(true) {
            Medium::Rotational
        } else {
            Medium::Solid
        }
    }
}

/// The `statfs` magic of the file system holding `path`.
pub fn statfs_magic(path: &Path) -> Option<u64> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).ok()?;
    let mut st: libc::statfs = unsafe { std::mem::zeroed() };
    // SAFETY: `c` is a valid C string and `st` a writable statfs.
    let rc = unsafe { libc::statfs(c.as_ptr(), &mut st) };
    (rc == 0).then_some(st.f_type as u64)
}

/// The physical byte offset of the first extent of `f`, from the FIEMAP ioctl; None when
/// the file system has no extent map (network file systems, tmpfs) or the file is empty or
/// inline.
pub fn first_extent(f: &std::fs::File) -> Option<u64> {
    use std::os::fd::AsRawFd;
    // struct fiemap with room for one struct fiemap_extent (linux/fiemap.h).
    #[repr(C)]
    struct Fiemap {
        start: u64,
        length: u64,
        flags: u32,
        mapped_extents: u32,
        extent_count: u32,
        reserved: u32,
        extent: FiemapExtent,
    }
    #[repr(C)]
    #[derive(Default)]
    struct FiemapExtent {
        logical: u64,
        physical: u64,
        length: u64,
        reserved64: [u64; 2],
        flags: u32,
        reserved: [u32; 3],
    }
    const FS_IOC_FIEMAP: libc::c_ulong = 0xC020_660B;
    const FIEMAP_EXTENT_UNKNOWN: u32 = 0x2;
    const FIEMAP_EXTENT_DATA_INLINE: u32 = 0x200;
    let mut m = Fiemap {
        start: 0,
        length: u64::MAX,
        flags: 0,
        mapped_extents: 0,
        extent_count: 1,
        reserved: 0,
        extent: FiemapExtent::default(),
    };
    // SAFETY: `m` is a fiemap header followed by room for `extent_count` (1) extents, as
    // the ioctl expects; the kernel writes only within it.
    let rc = unsafe { libc::ioctl(f.as_raw_fd(), FS_IOC_FIEMAP as _, &mut m as *mut Fiemap) };
    if rc != 0 || m.mapped_extents == 0 {
        return None;
    }
    let e = &m.extent;
    (e.flags & (FIEMAP_EXTENT_UNKNOWN | FIEMAP_EXTENT_DATA_INLINE) == 0).then_some(e.physical)
}

/// True when the bytes at `offsets` of `f` are all in the page cache: a read that must
/// not wait (`preadv2` with `RWF_NOWAIT`) of one byte at each succeeds. A file system that
/// does not support the flag answers as if nothing were cached.
pub fn cached(f: &std::fs::File, offsets: &[u64]) -> bool {
    use std::os::fd::AsRawFd;
    let mut byte = [0u8; 1];
    offsets.iter().all(|&off| {
        let iov = libc::iovec {
            iov_base: byte.as_mut_ptr().cast(),
            iov_len: 1,
        };
        // SAFETY: one iovec over a live one-byte buffer; the fd is open for reading.
        let n =
            unsafe { libc::preadv2(f.as_raw_fd(), &iov, 1, off as libc::off_t, libc::RWF_NOWAIT) };
        n == 1
    })
}

/// The offsets a residency probe of a file of `size` bytes looks at: its first, middle
/// and last byte.
pub fn probe_offsets(size: u64) -> Vec<u64> {
    let mut v = vec![0, size / 2, size.saturating_sub(1)];
    v.dedup();
    v.retain(|&o| o < size);
    v
}

/// True when a sample of `files` (paths and sizes) is in the page cache: then a serial
/// device is read like a solid one, since (almost) nothing will seek. Up to `n` files are
/// probed, spread over the list; nine in ten must be resident.
pub fn sample_cached(files: &[(&Path, u64)], n: usize) -> bool {
    if files.is_empty() {
        return true;
    }
    let step = files.len().div_ceil(n.max(1)).max(1);
    let (mut probed, mut resident) = (0usize, 0usize);
    for (p, size) in files.iter().step_by(step) {
        probed += 1;
        if std::fs::File::open(p).is_ok_and(|f| cached(&f, &probe_offsets(*size))) {
            resident += 1;
        }
    }
    resident * 10 >= probed * 9
}

/// The order to read files on a serial device: by the physical offset of their first
/// extent where known, the others after them by inode (the closest a file system without
/// extent maps offers to disk order). `files[i]` is (inode, first extent); returns indices.
pub fn read_order(files: &[(u64, Option<u64>)]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..files.len()).collect();
    idx.sort_by_key(|&i| {
        let (ino, phys) = files[i];
        (phys.is_none(), phys.unwrap_or(0), ino)
    });
    idx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_follow_physical_offsets_then_inodes() {
        // Inodes in one order, extents in another: the extents win.
        let files = [
            (10, Some(9_000_000)),
            (11, Some(4096)),
            (12, None),
            (13, Some(1_000_000)),
            (9, None),
            (14, Some(1_000_000)),
        ];
        assert_eq!(read_order(&files), vec![1, 3, 5, 0, 4, 2]);
        // Without any extent map: inode order.
        let files = [(30, None), (5, None), (17, None)];
        assert_eq!(read_order(&files), vec![1, 2, 0]);
        assert!(read_order(&[]).is_empty());
    }

    #[test]
    fn a_file_just_written_is_in_the_page_cache() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        std::fs::write(&p, vec![1u8; 1 << 20]).unwrap();
        let f = std::fs::File::open(&p).unwrap();
        // Some file systems refuse RWF_NOWAIT (then nothing counts as cached); where it is
        // supported, bytes just written are resident and a byte past the end is not.
        if cached(&f, &[0]) {
            assert!(cached(&f, &probe_offsets(1 << 20)));
            assert!(sample_cached(&[(p.as_path(), 1 << 20)], 4));
        }
        assert!(!cached(&f, &[2 << 20]), "past the end");
        assert_eq!(probe_offsets(1), vec![0]);
        assert_eq!(probe_offsets(10), vec![0, 5, 9]);
        assert!(probe_offsets(0).is_empty());
    }

    #[test]
    fn a_real_file_has_an_extent_or_none() {
        // tmpfs has no FIEMAP, ext4 and xfs do: either way the call must not fail.
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        std::fs::write(&p, vec![1u8; 64 << 10]).unwrap();
        let f = std::fs::File::open(&p).unwrap();
        let _ = first_extent(&f);
        let empty = dir.path().join("e");
        std::fs::write(&empty, b"").unwrap();
        assert_eq!(first_extent(&std::fs::File::open(&empty).unwrap()), None);
    }

    fn write(root: &Path, rel: &str, text: &str) {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    fn link(root: &Path, rel: &str, to: &str) {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(to, p).unwrap();
    }

    /// A fake sysfs: a spinning disk sda with partition sda1, an NVMe SSD with a
    /// partition, an LVM volume on sda1 (dm-0, which itself claims not to spin), a RAID
    /// of two SSD partitions, and a loop device.
    fn fake_sys() -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        let s = d.path();
        let blk = "devices/pci0000:00/0000:00:1f.2/ata1/host0/target0:0:0/0:0:0:0/block";
        write(s, &format!("{blk}/sda/queue/rotational"), "1\n");
        write(s, &format!("{blk}/sda/sda1/partition"), "1\n");
        let nv = "devices/pci0000:00/0000:00:1d.0/nvme/nvme0/nvme0n1";
        write(s, &format!("{nv}/queue/rotational"), "0\n");
        write(s, &format!("{nv}/nvme0n1p1/partition"), "1\n");
        write(s, &format!("{nv}/nvme0n1p2/partition"), "2\n");
        write(s, "devices/virtual/block/dm-0/queue/rotational", "0\n");
        link(
            s,
            "devices/virtual/block/dm-0/slaves/sda1",
            &s.join(format!("{blk}/sda/sda1")).to_string_lossy(),
        );
        write(s, "devices/virtual/block/md0/queue/rotational", "0\n");
        for p in ["nvme0n1p1", "nvme0n1p2"] {
            link(
                s,
                &format!("devices/virtual/block/md0/slaves/{p}"),
                &s.join(format!("{nv}/{p}")).to_string_lossy(),
            );
        }
        write(s, "devices/virtual/block/loop0/queue/rotational", "1\n");
        for (majmin, target) in [
            ("8:0", format!("{blk}/sda")),
            ("8:1", format!("{blk}/sda/sda1")),
            ("259:0", nv.to_string()),
            ("259:1", format!("{nv}/nvme0n1p1")),
            ("253:0", "devices/virtual/block/dm-0".into()),
            ("9:0", "devices/virtual/block/md0".into()),
            ("7:0", "devices/virtual/block/loop0".into()),
        ] {
            link(
                s,
                &format!("dev/block/{majmin}"),
                &s.join(target).to_string_lossy(),
            );
        }
        d
    }

    #[test]
    fn devices_are_classified_from_sysfs() {
        let d = fake_sys();
        let s = d.path();
        assert_eq!(rotational(s, 8, 0), Some(true), "the disk");
        assert_eq!(rotational(s, 8, 1), Some(true), "its partition");
        assert_eq!(rotational(s, 259, 0), Some(false), "an NVMe SSD");
        assert_eq!(rotational(s, 259, 1), Some(false), "an SSD partition");
        assert_eq!(
            rotational(s, 253, 0),
            Some(true),
            "LVM on the spinning partition"
        );
        assert_eq!(rotational(s, 9, 0), Some(false), "RAID of SSD partitions");
        assert_eq!(rotational(s, 7, 0), Some(true), "loop says it spins");
        assert_eq!(rotational(s, 0, 42), None, "an anonymous device");

        let dev = |ma: u64, mi: u64| (ma << 8) | mi;
        let devices = Devices::with(s.to_path_buf(), Vec::new());
        const EXT4: u64 = 0xEF53;
        assert_eq!(devices.classify(dev(8, 1), Some(EXT4)), Medium::Rotational);
        assert_eq!(devices.classify(dev(259, 1), Some(EXT4)), Medium::Solid);
        assert_eq!(
            devices.classify(dev(253, 0), Some(EXT4)),
            Medium::Rotational
        );
        assert_eq!(
            devices.classify(dev(0, 42), Some(0x0102_1994)),
            Medium::Solid,
            "tmpfs"
        );
        assert_eq!(
            devices.classify(dev(0, 50), Some(0x6969)),
            Medium::Network,
            "nfs"
        );
    }

    #[test]
    fn network_file_systems_are_recognised() {
        assert!(is_network_fs(0x6969, None), "nfs");
        assert!(is_network_fs(0xFF53_4D42, None), "cifs");
        assert!(is_network_fs(0xFE53_4D42, None), "smb2");
        assert!(is_network_fs(FUSE_MAGIC, Some("fuse.sshfs")));
        assert!(is_network_fs(FUSE_MAGIC, Some("fuse.rclone")));
        assert!(
            !is_network_fs(FUSE_MAGIC, Some("fuse.ntfs-3g")),
            "local NTFS"
        );
        assert!(!is_network_fs(FUSE_MAGIC, None), "FUSE of unknown kind");
        assert!(!is_network_fs(0xEF53, Some("ext4")));
        assert!(!is_network_fs(0x9123_683E, Some("btrfs")));
    }

    #[test]
    fn mountinfo_is_parsed_and_fuse_mounts_classified() {
        let text = "\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:45 / /mnt/nas\\040share rw,nosuid - fuse.sshfs me@nas:/media rw,user_id=0
41 22 0:46 / /mnt/tv rw master:3 - nfs4 nas:/tv rw,vers=4.2
garbage line
";
        let m = parse_mountinfo(text);
        assert_eq!(m.len(), 3);
        assert_eq!(m[1].mount_point, PathBuf::from("/mnt/nas share"));
        assert_eq!(m[1].fstype, "fuse.sshfs");
        assert_eq!(m[2].dev, (0, 46));
        assert_eq!(m[2].source, "nas:/tv");
        let d = fake_sys();
        let devices = Devices::with(d.path().to_path_buf(), m);
        assert_eq!(
            devices.classify(45, Some(FUSE_MAGIC)),
            Medium::Network,
            "sshfs"
        );
        assert_eq!(devices.classify(46, None), Medium::Network, "nfs4 by name");
        assert_eq!(
            devices.classify((8 << 8) | 1, Some(0xEF53)),
            Medium::Rotational
        );
    }

    #[test]
    fn dev_t_splits_like_the_kernel() {
        assert_eq!(split_dev((8 << 8) | 1), (8, 1));
        assert_eq!(split_dev((259 << 8) | 3), (259, 3));
        // glibc's makedev for a large minor.
        let dev = (300u64 & 0xff) | ((300u64 & !0xff) << 12) | (8 << 8);
        assert_eq!(split_dev(dev), (8, 300));
    }
}
