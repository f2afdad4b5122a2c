//! The reference workbook of the import benchmarks: a wide register of
//! `processes` rows (7 categories × 8 horizons of impact under a band of
//! merged group headers, plus 16 other columns: names, units, owners,
//! objectives as text and numbers, label severities, lists of
//! dependencies, columns no BIA models), written as .xlsx.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook};

pub fn generate(path: &Path, processes: u32) {
    let categories = [
        "Financial",
        "Operational",
        "Customer",
        "Reputational",
        "Legal & Regulatory",
        "Health & Safety",
        "Environmental",
    ];
    let horizons = [
        "1 hr", "4 hrs", "8 hrs", "1 day", "3 days", "1 week", "2 weeks", "1 month",
    ];
    let labels = ["None", "Low", "Medium", "High", "Critical"];
    let others = [
        "Business Process",
        "Department",
        "Process Owner",
        "Description",
        "RTO (Hrs)",
        "RPO",
        "MTPD",
        "WRT",
        "MBCO",
        "Criticality",
        "IT Applications",
        "Key Suppliers",
        "Key Personnel",
        "Peak Periods",
        "Comments",
        "Budget code",
    ];
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name("BIA").unwrap();
    sheet
        .write_string(0, 0, "Business Impact Analysis")
        .unwrap();
    for (c, h) in others.iter().enumerate() {
        sheet.write_string(3, c as u16, *h).unwrap();
    }
    let first = others.len() as u16;
    for (k, cat) in categories.iter().enumerate() {
        let left = first + 8 * k as u16;
        sheet
            .merge_range(2, left, 2, left + 7, &format!("{cat} Impact"), &bold)
            .unwrap();
        for (h, hor) in horizons.iter().enumerate() {
            sheet.write_string(3, left + h as u16, *hor).unwrap();
        }
    }
    for i in 0..processes {
        let r = 4 + i;
        sheet
            .write_string(r, 0, format!("Process {i:05} order handling"))
            .unwrap();
        sheet
            .write_string(r, 1, format!("Department {}", i % 40))
            .unwrap();
        sheet
            .write_string(r, 2, format!("Owner {}", i % 97))
            .unwrap();
        sheet
            .write_string(r, 3, "Receive, validate and release customer orders.")
            .unwrap();
        sheet.write_number(r, 4, f64::from(4 + i % 5 * 4)).unwrap();
        sheet.write_string(r, 5, "15 Minutes").unwrap();
        sheet.write_string(r, 6, "1-3 days").unwrap();
        sheet.write_string(r, 7, "4 hours").unwrap();
        sheet.write_string(r, 8, "50%").unwrap();
        sheet.write_string(r, 9, "4 - Major").unwrap();
        sheet
            .write_string(
                r,
                10,
                format!("App {}, App {}; Email", i % 300, (i + 7) % 300),
            )
            .unwrap();
        sheet
            .write_string(
                r,
                11,
                format!("Supplier {} / Supplier {}", i % 50, (i + 3) % 50),
            )
            .unwrap();
        sheet
            .write_string(r, 12, format!("Role {}", i % 60))
            .unwrap();
        sheet.write_string(r, 13, "Month end").unwrap();
        sheet
            .write_string(r, 14, "Reviewed in the 2024 workshop")
            .unwrap();
        sheet
            .write_string(r, 15, format!("CC-{:04}", i % 1000))
            .unwrap();
        for k in 0..7u32 {
            for h in 0..8u32 {
                let col = first + (8 * k + h) as u16;
                let level = ((h + k + i) % 6).min(h / 2 + 1);
                if (i + k) % 3 == 0 {
                    sheet
                        .write_string(r, col, labels[(level as usize).min(4)])
                        .unwrap();
                } else {
                    sheet.write_number(r, col, f64::from(level)).unwrap();
                }
            }
        }
    }
    book.save(path).unwrap();
}
