//! The one writer: every save of the window goes through a single thread, one after the
//! other, so two saves can never write the same file at once — whatever the disk's speed.
//!
//! The window hands over a [`Job`] and goes on; the writer reports each [`Written`] back and
//! wakes the window. Closing the window waits for the writer to finish rather than saving
//! beside it: a stalled disk makes the close slow, never the file corrupt.
//!
//! A job carries the stamp the window knew when it asked. When the writer itself wrote the
//! same file after that (a save the window had not heard back from yet), its own stamp is
//! the one to compare with, so the window's earlier save never looks like another program's.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

use eframe::egui;

use super::disk::{self, IfChanged, SaveResult, Stamp};
use crate::core::plan::Plan;

/// One save to do.
pub struct Job {
    pub path: PathBuf,
    pub plan: Plan,
    /// The plan's revision, reported back with the result.
    pub rev: u64,
    /// What the window last read from or wrote to `path`.
    pub expected: Option<Stamp>,
    pub if_changed: IfChanged,
}

/// A save that was done (or refused, or failed).
#[derive(Debug)]
pub struct Written {
    pub path: PathBuf,
    pub rev: u64,
    /// The job's number, in the order the jobs were given.
    pub number: u64,
    pub result: SaveResult,
    /// The plan that was saved: once in the file, it is the base a later merge starts from.
    pub plan: Plan,
}

struct Queued {
    job: Job,
    number: u64,
    /// The last job whose result the window had seen when it gave this one.
    seen: u64,
    wake: Option<egui::Context>,
}

/// The window's side of the writer thread.
#[derive(Default)]
pub struct Writer {
    jobs: Option<Sender<Queued>>,
    results: Option<Receiver<Written>>,
    /// Jobs given so far, and how many results came back.
    given: u64,
    seen: u64,
    /// A result written on the window's thread, when the writer could not be reached.
    pending_here: Option<Written>,
}

impl Writer {
    /// Hands a save to the writer; returns the job's number.
    pub fn give(&mut self, job: Job, wake: Option<&egui::Context>) -> u64 {
        if self.jobs.is_none() {
            let (jobs, queue) = channel();
            let (report, results) = channel();
            std::thread::Builder::new()
                .name("runweek writer".to_owned())
                .spawn(move || write_in_order(&queue, &report))
                .map_err(|e| log_spawn_failure(&e))
                .ok();
            self.jobs = Some(jobs);
            self.results = Some(results);
        }
        self.given += 1;
        let queued = Queued {
            job,
            number: self.given,
            seen: self.seen,
            wake: wake.cloned(),
        };
        if let Some(jobs) = &self.jobs
            && let Err(lost) = jobs.send(queued)
        {
            // The writer is gone (it cannot be, short of a panic): write here instead, so
            // the plan still reaches the disk once and in order.
            let Queued { job, number, .. } = lost.0;
            let result = disk::save(&job.path, &job.plan, job.expected.as_ref(), job.if_changed);
            self.pending_here = Some(Written {
                path: job.path,
                rev: job.rev,
                number,
                result,
                plan: job.plan,
            });
        }
        self.given
    }

    /// Whether a save is still being written.
    pub fn busy(&self) -> bool {
        self.seen < self.given
    }

    /// The results that came back since the last call.
    pub fn poll(&mut self) -> Vec<Written> {
        let mut done: Vec<Written> = self.pending_here.take().into_iter().collect();
        if let Some(results) = &self.results {
            done.extend(results.try_iter());
        }
        self.note(&done);
        done
    }

    /// Waits until every save given so far is written, however long the disk takes, and
    /// returns their results.
    pub fn finish(&mut self) -> Vec<Written> {
        let mut done = self.poll();
        let Some(results) = &self.results else {
            return done;
        };
        let mut waited = Duration::ZERO;
        while self.seen < self.given {
            match results.recv_timeout(Duration::from_secs(1)) {
                Ok(written) => {
                    self.seen = self.seen.max(written.number);
                    done.push(written);
                }
                Err(RecvTimeoutError::Timeout) => {
                    waited += Duration::from_secs(1);
                    if waited.as_secs().is_multiple_of(5) {
                        log::warn!(
                            "still waiting for the disk to take the plan ({} s)",
                            waited.as_secs()
                        );
                    }
                }
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        done
    }

    fn note(&mut self, done: &[Written]) {
        if let Some(last) = done.iter().map(|w| w.number).max() {
            self.seen = self.seen.max(last);
        }
    }
}

/// The writer thread: each job in turn, until the window is gone.
fn write_in_order(queue: &Receiver<Queued>, report: &Sender<Written>) {
    // What this thread last wrote to each path, and in which job.
    let mut written: HashMap<PathBuf, (u64, Stamp)> = HashMap::new();
    for Queued {
        job,
        number,
        seen,
        wake,
    } in queue.iter()
    {
        let expected = match written.get(&job.path) {
            // The window had not heard of that save when it asked: ours is the newer stamp.
            Some((by, stamp)) if *by > seen => Some(stamp.clone()),
            _ => job.expected,
        };
        let result = disk::save(&job.path, &job.plan, expected.as_ref(), job.if_changed);
        if let SaveResult::Saved {
            how: disk::Saved::InPlace,
            stamp,
        } = &result
        {
            written.insert(job.path.clone(), (number, stamp.clone()));
        }
        let sent = report.send(Written {
            path: job.path,
            rev: job.rev,
            number,
            result,
            plan: job.plan,
        });
        if let Some(ctx) = wake {
            ctx.request_repaint();
        }
        if sent.is_err() {
            return;
        }
    }
}

fn log_spawn_failure(e: &std::io::Error) {
    log::error!("the writer thread could not start: {e}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file;

    fn job(path: &std::path::Path, plan: &Plan, rev: u64, expected: Option<Stamp>) -> Job {
        Job {
            path: path.to_owned(),
            plan: plan.clone(),
            rev,
            expected,
            if_changed: IfChanged::Ask,
        }
    }

    #[test]
    fn saves_are_written_one_after_the_other_and_a_later_one_is_not_its_own_conflict() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("plan.ron");
        let first = file::demo().expect("demo");
        let (_, stamp) = {
            file::save(&path, &first).expect("save");
            disk::load(&path).expect("load")
        };
        let mut second = first.clone();
        second.settings.fitness_days = 40;
        let mut third = first.clone();
        third.settings.fitness_days = 41;
        let mut writer = Writer::default();
        // Both given before either result came back: both carry the stamp of the plan as
        // read, yet the second must not take the first's write for another program's.
        writer.give(job(&path, &second, 2, Some(stamp.clone())), None);
        writer.give(job(&path, &third, 3, Some(stamp)), None);
        assert!(writer.busy());
        let results = writer.finish();
        assert!(!writer.busy());
        assert_eq!(results.iter().map(|w| w.rev).collect::<Vec<_>>(), [2, 3]);
        for written in &results {
            assert!(
                matches!(
                    written.result,
                    SaveResult::Saved {
                        how: disk::Saved::InPlace,
                        ..
                    }
                ),
                "{written:?}"
            );
        }
        assert_eq!(file::load(&path).expect("loads"), third);
    }
}
