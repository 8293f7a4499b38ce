//! Work that takes a while (loading a year: every record verified and replayed), done on a
//! thread of its own so that the caller's thread is free: Kotlin sees a `suspend` function,
//! Swift an `async` one. The future completes when the thread is done.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll, Waker};
use std::thread;

/// What the worker thread has given back so far, and who to wake when it does.
struct Slot<T> {
    done: Option<thread::Result<T>>,
    waker: Option<Waker>,
}

/// The result of `work`, run on a new thread. Should the system refuse a thread, the work is
/// done where the future is polled instead. A panic on the thread (the core has none reachable
/// from input) is raised again where the future is polled, which uniffi turns into the foreign
/// language's internal error rather than a hang.
pub(crate) fn on_a_thread<T, F>(work: F) -> impl Future<Output = T> + Send
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let slot = Arc::new(Mutex::new(Slot {
        done: None,
        waker: None,
    }));
    let worker = Arc::clone(&slot);
    let shared = Arc::new(Mutex::new(Some(work)));
    let for_thread = Arc::clone(&shared);
    let spawned = thread::Builder::new()
        .name("chibo-load".to_owned())
        .spawn(move || {
            let work = for_thread
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .take();
            let Some(work) = work else { return };
            let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
            let mut slot = worker.lock().unwrap_or_else(PoisonError::into_inner);
            slot.done = Some(done);
            if let Some(waker) = slot.waker.take() {
                waker.wake();
            }
        });
    Finished {
        slot,
        inline: spawned.is_err().then_some(shared),
    }
}

/// The future of [`on_a_thread`].
struct Finished<T, F> {
    slot: Arc<Mutex<Slot<T>>>,
    /// The work itself, when no thread could be started for it.
    inline: Option<Arc<Mutex<Option<F>>>>,
}

impl<T, F: FnOnce() -> T> Future for Finished<T, F> {
    type Output = T;

    fn poll(self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<T> {
        if let Some(work) = &self.inline {
            if let Some(work) = work.lock().unwrap_or_else(PoisonError::into_inner).take() {
                return Poll::Ready(work());
            }
        }
        let mut slot = self.slot.lock().unwrap_or_else(PoisonError::into_inner);
        match slot.done.take() {
            Some(Ok(value)) => Poll::Ready(value),
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            None => {
                slot.waker = Some(context.waker().clone());
                Poll::Pending
            }
        }
    }
}
