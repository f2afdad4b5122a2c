//! The structure of an OLE compound file (an .xls), checked before
//! calamine reads it. calamine follows sector chains as the file states
//! them: a chain that loops grows its buffer until memory runs out (6 KB
//! of file asked for 4 GiB, found by the fuzzer), and a chain that points
//! past the sector table, or at a sector that starts past the end of the
//! file, panics. Here every chain calamine will follow (the DIFAT, the
//! FAT sectors, the directory, the mini stream and mini FAT, and every
//! stream) is walked once, in memory no larger than the file, and must end
//! without looping, inside the file and inside its table.
//!
//! What calamine reports well by itself (a wrong signature, a sector shift
//! it does not know, no root entry) is left to it.

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const DIFSECT: u32 = 0xFFFF_FFFC;
const RESERVED: u32 = 0xFFFF_FFFA;
/// calamine reads a stream shorter than this from the mini stream
/// (whatever the header's cutoff says), as the format's default does.
const MINI_CUTOFF: usize = 4096;
const MINI_SECTOR: usize = 64;

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([bytes[at], bytes[at + 1]])
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().expect("four bytes"))
}

fn u32s(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    bytes
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes(c.try_into().expect("four bytes")))
}

/// Sectors of `size` bytes laid out one after another in `data`.
struct Sectors<'a> {
    data: &'a [u8],
    size: usize,
    what: &'static str,
}

impl<'a> Sectors<'a> {
    /// Sector `id`, which must start inside the data (the last one may be
    /// cut short, as calamine allows).
    fn get(&self, id: u32) -> Result<&'a [u8], String> {
        let start = id as usize * self.size;
        if start >= self.data.len() {
            return Err(format!(
                "a {} chain points at {} {id}, past the end of the {}",
                self.what,
                if self.size == MINI_SECTOR {
                    "mini sector"
                } else {
                    "sector"
                },
                if self.size == MINI_SECTOR {
                    "mini stream"
                } else {
                    "file"
                },
            ));
        }
        Ok(&self.data[start..(start + self.size).min(self.data.len())])
    }

    /// The bytes of the chain from `start` through `table`, stopping where
    /// calamine stops: at the end of the chain, or once `len` bytes are in.
    /// A chain that loops, leaves the table or ends on a reserved id is an
    /// error naming `name`.
    fn chain(&self, start: u32, table: &[u32], len: usize, name: &str) -> Result<Vec<u8>, String> {
        let mut seen = vec![false; table.len()];
        let mut out = Vec::new();
        let mut id = start;
        while id != ENDOFCHAIN {
            if id >= RESERVED {
                return Err(format!(
                    "the {name} chain ends on a free or reserved sector ({id:#X})"
                ));
            }
            let sector = self.get(id)?;
            out.extend_from_slice(&sector[..sector.len().min(len - out.len())]);
            if out.len() >= len {
                break;
            }
            let Some(next) = table.get(id as usize) else {
                return Err(format!(
                    "the {name} chain goes to {} {id}, which its table ({} entries) does not hold",
                    self.what,
                    table.len()
                ));
            };
            if std::mem::replace(&mut seen[id as usize], true) {
                return Err(format!("the {name} chain loops back to {} {id}", self.what));
            }
            id = *next;
        }
        Ok(out)
    }
}

/// Checks the compound file in `bytes`; the error says what is damaged.
pub(super) fn check(bytes: &[u8]) -> Result<(), String> {
    if bytes.len() < 512 {
        return Ok(());
    }
    let size = match u16_at(bytes, 30) {
        0x09 => 512,
        0x0C => 4096,
        _ => return Ok(()),
    };
    if u16_at(bytes, 32) != 6 || bytes.len() < size {
        return Ok(());
    }
    // calamine's sector 0 follows the header, which fills one sector.
    let sectors = Sectors {
        data: &bytes[size..],
        size,
        what: "sector",
    };
    let dir_start = u32_at(bytes, 48);
    let mini_fat_start = u32_at(bytes, 60);
    let mini_fat_len = u32_at(bytes, 64) as usize;
    let difat_start = u32_at(bytes, 68);

    // The DIFAT: 109 entries in the header, then a chain of sectors whose
    // last entry names the next.
    let mut difat: Vec<u32> = u32s(&bytes[76..512]).collect();
    let mut seen_difat = std::collections::HashSet::new();
    let mut id = difat_start;
    while id < RESERVED {
        if !seen_difat.insert(id) {
            return Err(format!("its DIFAT chain loops back to sector {id}"));
        }
        difat.extend(u32s(sectors.get(id)?));
        id = difat
            .pop()
            .ok_or_else(|| "its DIFAT chain ends on an empty sector".to_string())?;
    }

    // The FAT, from the sectors the DIFAT lists, each once.
    let mut fat = Vec::new();
    let mut seen_fat = std::collections::HashSet::new();
    for id in difat.into_iter().filter(|id| *id < DIFSECT) {
        if !seen_fat.insert(id) {
            return Err(format!(
                "its sector table lists sector {id} twice as part of itself"
            ));
        }
        fat.extend(u32s(sectors.get(id)?));
    }

    let dir_bytes = sectors.chain(dir_start, &fat, usize::MAX, "directory")?;
    let entries: Vec<&[u8]> = dir_bytes.chunks(128).filter(|c| c.len() == 128).collect();
    let Some(root) = entries.first() else {
        return Ok(());
    };
    let stream_len = |entry: &[u8]| -> usize {
        if size == 512 {
            u32_at(entry, 120) as usize
        } else {
            let len = u64::from_le_bytes(entry[120..128].try_into().expect("eight bytes"));
            usize::try_from(len).unwrap_or(usize::MAX)
        }
    };

    let (mini_fat, mini_stream) = if mini_fat_len > 0 {
        let stream = sectors.chain(u32_at(root, 116), &fat, stream_len(root), "mini stream")?;
        let table = sectors.chain(
            mini_fat_start,
            &fat,
            mini_fat_len.saturating_mul(size),
            "mini FAT",
        )?;
        (u32s(&table).collect(), stream)
    } else {
        (Vec::new(), Vec::new())
    };
    let minis = Sectors {
        data: &mini_stream,
        size: MINI_SECTOR,
        what: "mini sector",
    };

    // Every stream calamine may be asked for.
    for entry in &entries[1..] {
        let name_units: Vec<u16> = entry[..64]
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .take_while(|u| *u != 0)
            .collect();
        let name = String::from_utf16_lossy(&name_units);
        let is_stream = entry[66] == 2
            || name.eq_ignore_ascii_case("Workbook")
            || name.eq_ignore_ascii_case("Book");
        let len = stream_len(entry);
        if !is_stream || len == 0 {
            continue;
        }
        let start = u32_at(entry, 116);
        let label = format!("stream \"{}\"", name.escape_debug());
        if len < MINI_CUTOFF {
            if mini_fat.is_empty() {
                continue; // calamine finds nothing there and says so
            }
            minis.chain(start, &mini_fat, len, &label)?;
        } else {
            sectors.chain(start, &fat, len, &label)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FREESECT: u32 = 0xFFFF_FFFF;
    const FATSECT: u32 = 0xFFFF_FFFD;

    /// A compound file of 512-byte sectors: the header, then `sectors`;
    /// the FAT is sector 0 holding `fat`, the directory starts at `dir`.
    fn file(fat: &[u32], dir: u32, sectors: &[Vec<u8>]) -> Vec<u8> {
        let mut header = vec![0u8; 512];
        header[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
        header[24..26].copy_from_slice(&0x3Eu16.to_le_bytes());
        header[26..28].copy_from_slice(&3u16.to_le_bytes());
        header[28..30].copy_from_slice(&0xFFFEu16.to_le_bytes());
        header[30..32].copy_from_slice(&9u16.to_le_bytes());
        header[32..34].copy_from_slice(&6u16.to_le_bytes());
        header[44..48].copy_from_slice(&1u32.to_le_bytes());
        header[48..52].copy_from_slice(&dir.to_le_bytes());
        header[56..60].copy_from_slice(&4096u32.to_le_bytes());
        header[60..64].copy_from_slice(&ENDOFCHAIN.to_le_bytes());
        header[68..72].copy_from_slice(&ENDOFCHAIN.to_le_bytes());
        for (i, at) in (76..512).step_by(4).enumerate() {
            let v = if i == 0 { 0 } else { FREESECT };
            header[at..at + 4].copy_from_slice(&v.to_le_bytes());
        }
        let mut fat_sector = vec![0xFFu8; 512];
        for (i, v) in fat.iter().enumerate() {
            fat_sector[i * 4..i * 4 + 4].copy_from_slice(&v.to_le_bytes());
        }
        let mut out = header;
        out.extend(fat_sector);
        for s in sectors {
            let mut s = s.clone();
            s.resize(512, 0);
            out.extend(s);
        }
        out
    }

    /// A directory sector: the root entry, then a stream `name` of `len`
    /// bytes starting at sector `start`.
    fn directory(name: &str, start: u32, len: u32) -> Vec<u8> {
        let mut dir = vec![0u8; 512];
        let mut put = |at: usize, name: &str, kind: u8, start: u32, len: u32| {
            for (i, u) in name.encode_utf16().enumerate() {
                dir[at + i * 2..at + i * 2 + 2].copy_from_slice(&u.to_le_bytes());
            }
            dir[at + 64..at + 66].copy_from_slice(&((name.len() as u16 + 1) * 2).to_le_bytes());
            dir[at + 66] = kind;
            dir[at + 116..at + 120].copy_from_slice(&start.to_le_bytes());
            dir[at + 120..at + 124].copy_from_slice(&len.to_le_bytes());
        };
        put(0, "Root Entry", 5, ENDOFCHAIN, 0);
        put(128, name, 2, start, len);
        dir
    }

    #[test]
    fn a_sound_file_passes() {
        // Sector 1 the directory, sectors 2..=9 the 4,096-byte stream.
        let mut fat = vec![FATSECT, ENDOFCHAIN];
        fat.extend(3..=9);
        fat.push(ENDOFCHAIN);
        let mut sectors = vec![directory("Workbook", 2, 4096)];
        sectors.extend((0..8).map(|_| vec![7u8; 512]));
        assert_eq!(check(&file(&fat, 1, &sectors)), Ok(()));
    }

    #[test]
    fn a_directory_that_loops_is_refused() {
        let fat = [FATSECT, 1];
        let err = check(&file(&fat, 1, &[directory("Workbook", 2, 0)])).unwrap_err();
        assert_eq!(err, "the directory chain loops back to sector 1");
    }

    #[test]
    fn a_stream_that_loops_is_refused_before_its_declared_length() {
        // The stream claims 4 GB and its two sectors point at each other.
        let fat = [FATSECT, ENDOFCHAIN, 3, 2];
        let sectors = [directory("Workbook", 2, u32::MAX), vec![], vec![]];
        let err = check(&file(&fat, 1, &sectors)).unwrap_err();
        assert_eq!(err, "the stream \"Workbook\" chain loops back to sector 2");
    }

    #[test]
    fn a_chain_past_its_table_or_the_file_is_refused() {
        // The stream's second sector is 200, past the end of the file.
        let fat = [FATSECT, ENDOFCHAIN, 200];
        let sectors = [directory("Workbook", 2, 8192), vec![]];
        let err = check(&file(&fat, 1, &sectors)).unwrap_err();
        assert!(err.contains("past the end of the file"), "{err}");

        // A table of 128 entries and a chain that goes to entry 5,000.
        let mut bytes = file(
            &[FATSECT, ENDOFCHAIN, 2],
            1,
            &[directory("Book", 2, 8192), vec![]],
        );
        // Make the file long enough for sector 5,000 to exist.
        bytes.resize(512 * 5_002, 0);
        let mut fat = vec![FATSECT, ENDOFCHAIN, 5_000];
        fat.resize(128, FREESECT);
        let at = 512;
        for (i, v) in fat.iter().enumerate() {
            bytes[at + i * 4..at + i * 4 + 4].copy_from_slice(&v.to_le_bytes());
        }
        let err = check(&bytes).unwrap_err();
        assert!(err.contains("does not hold"), "{err}");
    }

    #[test]
    fn a_fat_sector_listed_twice_is_refused() {
        let mut bytes = file(&[FATSECT, ENDOFCHAIN], 1, &[directory("Workbook", 0, 0)]);
        bytes[80..84].copy_from_slice(&0u32.to_le_bytes());
        let err = check(&bytes).unwrap_err();
        assert!(err.contains("twice"), "{err}");
    }
}
