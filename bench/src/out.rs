//! The commands of one commune as they are generated, each tagged with the sitting (session) it
//! belongs to, so that a store can append them in the batches a secretary would write.

use chibo::ids::MemberId;
use chibo::time::Timestamp;
use chibo::{Action, Command};

/// Commands being generated, with their session tags.
#[derive(Debug, Default)]
pub(crate) struct Out {
    commands: Vec<(Command, u32)>,
    session: u32,
}

impl Out {
    /// Starts a new session: commands pushed from now on belong to it.
    pub(crate) fn session(&mut self) {
        self.session = self.session.wrapping_add(1);
    }

    /// Adds a command to the current session.
    pub(crate) fn push(&mut self, actor: &MemberId, at: Timestamp, action: Action) {
        let command = Command {
            actor: actor.clone(),
            at,
            action,
        };
        self.commands.push((command, self.session));
    }

    /// The commands in time order (stable: commands with the same time keep their order), and
    /// their session tags.
    pub(crate) fn finish(mut self) -> (Vec<Command>, Vec<u32>) {
        self.commands.sort_by_key(|(c, _)| c.at);
        self.commands.into_iter().unzip()
    }
}
