//! The small arithmetic of the verdict: means, spreads, slopes, and numbers and days as a
//! reason line writes them.

use jiff::civil::Date;

/// Mean and sample standard deviation (n − 1), computed in two passes so that the rounding
/// error of near-equal readings stays far below [`super::EPS`]. Needs at least two values.
pub(super) fn mean_and_sample_sd(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let ss: f64 = values.iter().map(|v| (v - mean).powi(2)).sum();
    (mean, (ss / (n - 1.0)).sqrt())
}

/// The least-squares slope of y on x, or `None` when all x are equal.
pub(crate) fn slope(points: &[(f64, f64)]) -> Option<f64> {
    let n = points.len() as f64;
    if points.is_empty() {
        return None;
    }
    let mx = points.iter().map(|p| p.0).sum::<f64>() / n;
    let my = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    (sxx > 0.0).then(|| sxy / sxx)
}

/// A number for people: whole when it is whole, else one decimal.
pub(super) fn num(x: f64) -> String {
    if (x - x.round()).abs() < 0.05 {
        format!("{:.0}", x.round())
    } else {
        format!("{x:.1}")
    }
}

pub(super) fn day_label(date: Date) -> String {
    date.strftime("%a %d %b").to_string()
}
