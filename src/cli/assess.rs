//! `runweek assess FILE --date D [--json]`: the day's verdict and its reasons, without a
//! window, for scripts and for checking the rules by hand.

use std::io::Write;
use std::path::Path;

use jiff::civil::Date;
use serde_json::json;

use crate::core::readiness::When;
use crate::core::verdict::{self, Assessment, Baselines, CarryOver, Effect};
use crate::file;
use crate::file::echo::one_line;

pub fn run(path: &Path, date: Date, json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let plan = file::load(path)?;
    let assessment = verdict::assess(&plan, date);
    if json {
        serde_json::to_writer_pretty(&mut *out, &to_json(&assessment))?;
        writeln!(out)?;
    } else {
        write_text(&assessment, out)?;
    }
    Ok(())
}

/// The JSON document, exactly as the command's contract spells it.
fn to_json(a: &Assessment) -> serde_json::Value {
    json!({
        "date": a.date.to_string(),
        "verdict": a.verdict,
        // One per signal that counted; markers without a baseline yet are for the text view.
        "reasons": a
            .reasons
            .iter()
            .filter(|r| r.counted())
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>(),
        "hold_back_signals": a.hold_back_signals,
        "push_signals": a.push_signals,
        "baselines": {
            "resting_hr": a.baselines.resting_hr,
            "hrv_ln_rmssd_mean": a.baselines.hrv_ln_rmssd_mean,
            "hrv_band": a.baselines.hrv_band.map(|(lo, hi)| [lo, hi]),
        },
        "carry_over": a.carry_over.is_some(),
    })
}

fn write_text(a: &Assessment, out: &mut dyn Write) -> anyhow::Result<()> {
    let day = a.date.strftime("%a %d %b %Y");
    let Some(v) = a.verdict else {
        writeln!(out, "NOT LOGGED  ·  {day}")?;
        writeln!(out, "No readiness check that day, so no verdict.")?;
        write_baselines(&a.baselines, out)?;
        write_carry_over(a.carry_over.as_ref(), out)?;
        return Ok(());
    };
    writeln!(out, "{}  ·  {day}", v.label().to_uppercase())?;
    let by = match a.decided_by {
        Some(When::WarmUp) => "the warm-up check",
        _ => "the morning check",
    };
    writeln!(
        out,
        "Decided by {by}: {} hold-back signal{}, {} push signal{}.",
        a.hold_back_signals,
        plural(a.hold_back_signals),
        a.push_signals,
        plural(a.push_signals)
    )?;
    for r in &a.reasons {
        let mark = match r.effect {
            Effect::Rest | Effect::HoldBack | Effect::CarryOver => "!",
            Effect::Push => "+",
            Effect::Lift => "^",
            Effect::NotCounted => "-",
        };
        let tail = if r.counted() { "" } else { " (not counted)" };
        writeln!(out, "  {mark} {}{tail}", one_line(&r.text))?;
    }
    write_baselines(&a.baselines, out)?;
    write_carry_over(a.carry_over.as_ref(), out)?;
    Ok(())
}

fn readings(n: u16) -> String {
    match n {
        1 => "1 reading".to_owned(),
        n => format!("{n} readings"),
    }
}

fn write_baselines(b: &Baselines, out: &mut dyn Write) -> anyhow::Result<()> {
    let resting = b.resting_hr.map_or_else(
        || format!("no baseline yet ({})", readings(b.resting_hr_readings)),
        |hr| format!("{hr:.1} bpm"),
    );
    let mean = b.hrv_ln_rmssd_mean.map_or_else(
        || format!("no baseline yet ({})", readings(b.hrv_recent_readings)),
        |m| format!("{m:.3} ({:.1} ms)", m.exp()),
    );
    let band = b.hrv_band.map_or_else(
        || format!("no baseline yet ({})", readings(b.hrv_baseline_readings)),
        |(lo, hi)| format!("{lo:.3}–{hi:.3} ({:.1}–{:.1} ms)", lo.exp(), hi.exp()),
    );
    writeln!(out, "Baselines: resting HR {resting}")?;
    writeln!(
        out,
        "           HRV ln RMSSD recent mean {mean}, band {band}"
    )?;
    Ok(())
}

fn write_carry_over(c: Option<&CarryOver>, out: &mut dyn Write) -> anyhow::Result<()> {
    if let Some(c) = c {
        writeln!(out, "{}:", CarryOver::HEADLINE)?;
        for line in &c.evidence {
            writeln!(out, "  ! {line}")?;
        }
        writeln!(out, "  {}", CarryOver::PROPOSAL)?;
    }
    Ok(())
}

fn plural(n: u8) -> &'static str {
    if n == 1 { "" } else { "s" }
}
