//! Group commit. SQLite takes one writer at a time: when every request opens its own write
//! transaction, hundreds of them queue on the database lock (sleeping in its busy handler) and
//! each pays for its own commit. Here requests that write the same kind of thing are put in a
//! queue, and one task writes whatever is waiting in one transaction, then answers each request.
//! No timer: while a group is being written the next one gathers, so a lone request waits for
//! nobody and a crowd shares its commits.
//!
//! A request is answered only after the commit that holds it, so an acknowledged write survives a
//! crash. When a group fails, it is rolled back and each of its jobs is written alone, so one bad
//! job only fails itself. A panic while writing counts as a failure, not as the writer's end: the
//! task lives as long as the app, and without it every signature would be refused until restart.
//! At shutdown `flush` closes the queue and waits until every job in it is written and answered.
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;

use rocket::futures::FutureExt;

use sea_orm::{DatabaseConnection, DatabaseTransaction, DbErr};
use tokio::sync::{Mutex, mpsc, oneshot, watch};
use tokio::task::JoinHandle;

/// One kind of write that can be done for many jobs at once.
pub trait Work: Send + Sync + 'static {
    type Job: Send + Sync + 'static;
    type Out: Send + 'static;
    type Error: From<DbErr> + Send + 'static;

    /// Writes `jobs` in `txn` (opened by `begin`), returning one result per job, in order.
    /// An error fails the whole group: nothing of it is kept.
    fn group(
        &self,
        txn: &DatabaseTransaction,
        jobs: &[Self::Job],
    ) -> impl Future<Output = Result<Vec<Self::Out>, DbErr>> + Send;

    /// Writes one job in a transaction of its own, after its group failed.
    fn alone(
        &self,
        db: &DatabaseConnection,
        job: &Self::Job,
    ) -> impl Future<Output = Result<Self::Out, Self::Error>> + Send;
}

/// Why a queued write got no answer.
#[derive(Debug, thiserror::Error)]
pub enum GroupError<E> {
    #[error(transparent)]
    Write(E),
    /// The writing task ended (only while the app is being dropped).
    #[error("the writer has stopped")]
    Stopped,
}

type Reply<W> = oneshot::Sender<Result<<W as Work>::Out, <W as Work>::Error>>;

/// The queue of one kind of write, and the task that empties it.
pub struct GroupCommit<W: Work> {
    queue: mpsc::Sender<(W::Job, Reply<W>)>,
    /// Tells the task to take no more jobs and end once those queued are written.
    close: watch::Sender<bool>,
    task: Mutex<Option<JoinHandle<()>>>,
}

impl<W: Work> GroupCommit<W> {
    /// Starts the writing task on the current runtime. It ends when this handle is dropped,
    /// after writing what was already queued.
    pub fn start(work: W, db: DatabaseConnection, max_group: usize) -> Self {
        // The bound only limits memory: a request waits here when this many are already queued.
        let (queue, jobs) = mpsc::channel(max_group * 4);
        let (close, closing) = watch::channel(false);
        let task = tokio::spawn(run(Arc::new(work), db, jobs, closing, max_group.max(1)));
        GroupCommit { queue, close, task: Mutex::new(Some(task)) }
    }

    /// Refuses new jobs (`GroupError::Stopped`) and returns once every job queued before is
    /// committed (or refused) and answered: what a shutdown waits for, so that nothing a request
    /// was told is written is lost, and nothing half-written is cut off by the process's end.
    pub async fn flush(&self) {
        self.close.send_replace(true);
        if let Some(task) = self.task.lock().await.take()
            && let Err(e) = task.await
        {
            tracing::error!(error = %e, "the group writer ended abnormally");
        }
    }

    /// Queues `job` and waits until it is committed (or refused).
    pub async fn write(&self, job: W::Job) -> Result<W::Out, GroupError<W::Error>> {
        let (reply, answer) = oneshot::channel();
        self.queue.send((job, reply)).await.map_err(|_| GroupError::Stopped)?;
        answer.await.map_err(|_| GroupError::Stopped)?.map_err(GroupError::Write)
    }
}

async fn run<W: Work>(
    work: Arc<W>,
    db: DatabaseConnection,
    mut queue: mpsc::Receiver<(W::Job, Reply<W>)>,
    mut closing: watch::Receiver<bool>,
    max_group: usize,
) {
    let mut waiting = Vec::with_capacity(max_group);
    let mut closed = false;
    loop {
        let received = tokio::select! {
            biased;
            n = queue.recv_many(&mut waiting, max_group) => n,
            // Closed (or the handle dropped): no new job gets in; those already queued are still
            // received, and `recv_many` answers 0 once they are all written.
            _ = closing.wait_for(|closed| *closed), if !closed => {
                closed = true;
                queue.close();
                continue;
            }
        };
        if received == 0 {
            break;
        }
        let (jobs, replies): (Vec<_>, Vec<_>) = waiting.drain(..).unzip();
        match unwinding(write_group(&*work, &db, &jobs)).await.and_then(|written| written) {
            Ok(outs) => {
                for (reply, out) in replies.into_iter().zip(outs) {
                    // The requester may have gone (client disconnected): its write stands.
                    let _ = reply.send(Ok(out));
                }
            }
            Err(e) => {
                tracing::warn!(jobs = jobs.len(), error = %e, "group write failed; writing its jobs one by one");
                for (job, reply) in jobs.iter().zip(replies) {
                    let _ = reply.send(unwinding(work.alone(&db, job)).await.unwrap_or_else(|e| Err(e.into())));
                }
            }
        }
    }
}

/// Runs `write`, turning a panic inside it into an error. What the write had begun is undone
/// as its transaction is dropped during the unwinding.
async fn unwinding<T>(write: impl Future<Output = T>) -> Result<T, DbErr> {
    AssertUnwindSafe(write).catch_unwind().await.map_err(|panic| {
        let why = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        tracing::error!(panic = %why, "a write panicked");
        DbErr::Custom(format!("the write panicked: {why}"))
    })
}

async fn write_group<W: Work>(work: &W, db: &DatabaseConnection, jobs: &[W::Job]) -> Result<Vec<W::Out>, DbErr> {
    let txn = super::begin_write(db).await?;
    let result = match work.group(&txn, jobs).await {
        Ok(outs) if outs.len() == jobs.len() => return txn.commit().await.map(|()| outs),
        Ok(outs) => Err(DbErr::Custom(format!("{} results for {} jobs", outs.len(), jobs.len()))),
        Err(e) => Err(e),
    };
    if let Err(e) = txn.rollback().await {
        tracing::warn!(error = %e, "rolling back a failed group");
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The numbers a test's writer stored, in order.
    async fn numbers(db: &DatabaseConnection) -> Vec<i64> {
        use sea_orm::ConnectionTrait;
        let sql = sea_orm::Statement::from_string(db.get_database_backend(), "SELECT n FROM numbers ORDER BY n");
        let rows = db.query_all_raw(sql).await.expect("read the numbers");
        rows.iter().map(|row| row.try_get::<i64>("", "n").expect("a number")).collect()
    }

    /// Doubles numbers; a group containing a negative one fails, and alone a negative one fails.
    struct Doubling;
    impl Work for Doubling {
        type Job = i64;
        type Out = i64;
        type Error = DbErr;

        async fn group(&self, _txn: &DatabaseTransaction, jobs: &[i64]) -> Result<Vec<i64>, DbErr> {
            match jobs.iter().any(|j| *j < 0) {
                true => Err(DbErr::Custom("a negative number in the group".into())),
                false => Ok(jobs.iter().map(|j| j * 2).collect()),
            }
        }

        async fn alone(&self, _db: &DatabaseConnection, job: &i64) -> Result<i64, DbErr> {
            match *job < 0 {
                true => Err(DbErr::Custom(format!("{job} is negative"))),
                false => Ok(job * 2),
            }
        }
    }

    #[tokio::test]
    async fn a_failed_group_is_written_job_by_job_so_only_the_bad_job_fails() {
        let (_dir, settings) = crate::db::scratch("group.db");
        let db = crate::db::connect(&settings).await.expect("database");
        let writer = GroupCommit::start(Doubling, db, 8);
        let answers = rocket::futures::future::join_all([1, 2, -3, 4].map(|n| writer.write(n))).await;
        let answers: Vec<Result<i64, String>> = answers.into_iter().map(|a| a.map_err(|e| e.to_string())).collect();
        assert_eq!(
            answers,
            [Ok(2), Ok(4), Err("Custom Error: -3 is negative".to_string()), Ok(8)],
            "each job answered for itself, in order"
        );
    }

    /// Stores numbers in a table of its own; 13 panics halfway, after its group's rows are in.
    struct Storing;
    impl Storing {
        async fn store(db: &impl sea_orm::ConnectionTrait, jobs: &[i64]) -> Result<Vec<i64>, DbErr> {
            for n in jobs {
                db.execute_unprepared(&format!("INSERT INTO numbers (n) VALUES ({n})")).await?;
            }
            assert!(!jobs.contains(&13), "thirteen is unlucky");
            Ok(jobs.to_vec())
        }
    }
    impl Work for Storing {
        type Job = i64;
        type Out = i64;
        type Error = DbErr;

        async fn group(&self, txn: &DatabaseTransaction, jobs: &[i64]) -> Result<Vec<i64>, DbErr> {
            Self::store(txn, jobs).await
        }

        async fn alone(&self, db: &DatabaseConnection, job: &i64) -> Result<i64, DbErr> {
            let txn = crate::db::begin_write(db).await?;
            let out = Self::store(&txn, std::slice::from_ref(job)).await?;
            txn.commit().await?;
            Ok(out[0])
        }
    }

    #[tokio::test]
    async fn a_panicking_write_fails_its_job_and_the_writer_goes_on() {
        use sea_orm::ConnectionTrait;
        let (_dir, settings) = crate::db::scratch("panic.db");
        // The one connection the app's writers share: a transaction left open on it would block
        // every later write.
        let db = crate::db::connect_writer(&settings).await.expect("database");
        db.execute_unprepared("CREATE TABLE numbers (n INTEGER NOT NULL)").await.expect("a table");
        let writer = GroupCommit::start(Storing, db.clone(), 8);

        let answers = rocket::futures::future::join_all([1, 13, 2].map(|n| writer.write(n))).await;
        let answers: Vec<bool> = answers.iter().map(Result::is_ok).collect();
        assert_eq!(answers, [true, false, true], "only the panicking job failed");
        assert_eq!(writer.write(3).await.ok(), Some(3), "the writer still writes after a panic");

        let stored = numbers(&db).await;
        assert_eq!(stored, [1, 2, 3], "the panicking group's rows were rolled back, 13 never stored");
    }

    /// Jobs still queued when the writer is flushed are written and answered; a job that comes
    /// after is refused, never silently dropped.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_flush_writes_every_queued_job_and_refuses_later_ones() {
        use sea_orm::ConnectionTrait;
        let (_dir, settings) = crate::db::scratch("flush.db");
        let db = crate::db::connect_writer(&settings).await.expect("database");
        db.execute_unprepared("CREATE TABLE numbers (n INTEGER NOT NULL)").await.expect("a table");
        let writer = Arc::new(GroupCommit::start(Storing, db.clone(), 4));
        let answered = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let writes: Vec<_> = (100..400)
            .map(|n| {
                let (writer, answered) = (writer.clone(), answered.clone());
                tokio::spawn(async move {
                    let ok = writer.write(n).await.is_ok();
                    answered.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    (n, ok)
                })
            })
            .collect();
        // Flushed while writes are under way: some answered, others still queued.
        while answered.load(std::sync::atomic::Ordering::SeqCst) == 0 {
            tokio::task::yield_now().await;
        }
        writer.flush().await;
        assert!(matches!(writer.write(1).await, Err(GroupError::Stopped)), "refused after the flush");
        let mut acknowledged = Vec::new();
        for write in writes {
            let (n, ok) = write.await.expect("the write's task");
            if ok {
                acknowledged.push(n);
            }
        }
        let stored = numbers(&db).await;
        acknowledged.sort();
        assert!(!acknowledged.is_empty());
        assert_eq!(stored, acknowledged, "every acknowledged job is stored, and only those");
    }
}
