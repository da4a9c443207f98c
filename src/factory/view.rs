//! A read-only snapshot of a factory for the game's floor and panels: what each step, station, worker and
//! order is doing right now.

use super::*;
use crate::domain::Helping;

/// Orders at one step, by what they are doing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StepView {
    /// Waiting in a queue for a worker.
    pub queued: u32,
    /// A worker is on it.
    pub working: u32,
    /// Unattended station time (e.g. in the oven).
    pub processing: u32,
    /// Waiting for an answer from another unit.
    pub asking: u32,
    /// Waiting outside the step (WIP limit).
    pub blocked: u32,
    /// On the way to this step (handoff delay).
    pub incoming: u32,
}

/// A station pool now.
#[derive(Clone, Debug, PartialEq)]
pub struct StationView {
    /// Units in the pool.
    pub count: u32,
    /// Units in use.
    pub in_use: u32,
    /// Units broken down.
    pub down: u32,
}

/// What a worker is doing.
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum WorkerActivity {
    /// Free for a task.
    Idle,
    /// On a task.
    Working {
        /// The step of the task.
        step: u16,
    },
    /// Answering a question.
    Answering,
    /// In a stand-up.
    Meeting,
    /// A boundary spanner's spanning session.
    Spanning,
    /// Away.
    Absent {
        /// Until when.
        until: SimTime,
    },
}

impl WorkerActivity {
    /// What the worker is doing, in words ("idle", "baking", "away").
    pub fn describe(&self, model: &crate::scenario::Model, lang: crate::i18n::Lang) -> String {
        use crate::t;
        match self {
            WorkerActivity::Idle => t!(lang, "activity-idle"),
            WorkerActivity::Working { step } => model.steps.get(*step as usize).map_or_else(
                || t!(lang, "activity-working"),
                |s| model.lexicon.say(lang, &s.name).to_lowercase(),
            ),
            WorkerActivity::Answering => t!(lang, "activity-answering"),
            WorkerActivity::Meeting => t!(lang, "activity-meeting"),
            WorkerActivity::Spanning => t!(lang, "activity-spanning"),
            WorkerActivity::Absent { .. } => t!(lang, "activity-away"),
        }
    }
}

/// A worker now.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkerView {
    /// What they are doing.
    pub activity: WorkerActivity,
    /// Their unit (index).
    pub unit: u16,
    /// A boundary spanner.
    pub spanner: bool,
    /// When the current activity began.
    pub since: SimTime,
}

/// What an order is doing at its step.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum OrderStatus {
    /// Waiting in a queue for a worker.
    Queued,
    /// A worker is on it.
    Working,
    /// Unattended station time.
    Processing,
    /// Waiting for an answer.
    Asking,
    /// Waiting outside a full step (WIP limit).
    Blocked,
    /// On its way to the step (handoff delay).
    Incoming,
}

/// An order in the factory now.
#[derive(Clone, Debug, PartialEq)]
pub struct OrderView {
    /// Its id.
    pub id: OrderId,
    /// Its product (index).
    pub product: u16,
    /// The step it is at (index).
    pub step: u16,
    /// What it is doing there.
    pub status: OrderStatus,
    /// When it is due.
    pub due: SimTime,
    /// It goes first in every queue.
    pub expedited: bool,
    /// A custom cake.
    pub custom: bool,
}

/// An open rush offer.
#[derive(Clone, Debug, PartialEq)]
pub struct OfferView {
    /// Its number (for the answer).
    pub offer: u32,
    /// The product (index).
    pub product: u16,
    /// How many cakes.
    pub quantity: u32,
    /// When they are due.
    pub due: SimTime,
    /// The price of each.
    pub price: f64,
}

/// Which of a team's choices would be refused because they leave a step the routings need with nobody able
/// and allowed to do it, and why (`None`: allowed).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Choices {
    /// Moving worker `w` to unit `u`, by `[w][u]`.
    pub moves: Vec<Vec<Option<String>>>,
    /// Each helping rule, in the order `None`, `OwnUnit`, `Anyone`.
    pub helping: [Option<String>; 3],
    /// Switching to each design of the scenario.
    pub designs: Vec<Option<String>>,
    /// The organisation each design would give, with the team's decisions kept where they make sense.
    pub switched: Vec<Org>,
}

/// Everything the game shows of one factory at one moment.
#[derive(Clone, Debug, PartialEq)]
pub struct FactoryView {
    /// The factory's clock.
    pub now: SimTime,
    /// Each step's orders.
    pub steps: Vec<StepView>,
    /// Each station pool.
    pub stations: Vec<StationView>,
    /// Each worker.
    pub workers: Vec<WorkerView>,
    /// Orders in the factory, in id order.
    pub orders: Vec<OrderView>,
    /// Rush offers waiting for an answer.
    pub offers: Vec<OfferView>,
    /// The design chosen for the next round.
    pub pending_design: Option<String>,
    /// When the stand-up in progress ends.
    pub meeting_until: Option<SimTime>,
    /// Which choices would leave the factory stuck.
    pub choices: Choices,
}

impl FactoryView {
    /// Orders in the factory.
    pub fn wip(&self) -> usize {
        self.orders.len()
    }
}

impl FactorySim {
    /// A snapshot of the factory now.
    pub fn view(&self) -> FactoryView {
        let (steps, orders) = self.order_views();
        FactoryView {
            now: self.now,
            steps,
            stations: self
                .stations
                .iter()
                .map(|s| StationView {
                    count: s.count,
                    in_use: s.users.len() as u32,
                    down: s.down,
                })
                .collect(),
            workers: (0..self.workers.len())
                .map(|w| self.worker_view(w))
                .collect(),
            orders,
            offers: self
                .offers
                .iter()
                .enumerate()
                .filter(|(_, o)| o.open)
                .map(|(i, o)| OfferView {
                    offer: i as u32,
                    product: o.product,
                    quantity: o.quantity,
                    due: o.due,
                    price: o.price,
                })
                .collect(),
            pending_design: self.pending_design(),
            meeting_until: self.meeting.as_ref().map(|m| m.until),
            choices: self.choices(),
        }
    }

    /// Which moves, helping rules and designs would leave a needed step with nobody for it.
    pub fn choices(&self) -> Choices {
        let refused = |org: Org| self.check_staffed(&org).err();
        let moves = (0..self.workers.len())
            .map(|w| {
                (0..self.org.units.len() as u16)
                    .map(|u| {
                        let mut org = self.org.clone();
                        org.worker_unit[w] = u;
                        refused(org)
                    })
                    .collect()
            })
            .collect();
        let helping = [Helping::None, Helping::OwnUnit, Helping::Anyone].map(|h| {
            let mut org = self.org.clone();
            org.practices.helping = h;
            refused(org)
        });
        let switched: Vec<Org> = (0..self.model.designs.len())
            .map(|d| self.switched(d))
            .collect();
        let designs = switched.iter().map(|o| refused(o.clone())).collect();
        Choices {
            moves,
            helping,
            designs,
            switched,
        }
    }

    /// Every order in the factory (in id order), and how many are doing what at each step.
    fn order_views(&self) -> (Vec<StepView>, Vec<OrderView>) {
        let mut steps = vec![StepView::default(); self.model.steps.len()];
        let mut orders = Vec::new();
        for o in self.orders.iter().flatten().filter(|o| !o.cancelled) {
            let s = &mut steps[o.step()];
            let (count, status) = match o.state {
                OState::Queued => (&mut s.queued, OrderStatus::Queued),
                OState::Working { .. } => (&mut s.working, OrderStatus::Working),
                OState::Processing => (&mut s.processing, OrderStatus::Processing),
                OState::Asking => (&mut s.asking, OrderStatus::Asking),
                OState::Blocked => (&mut s.blocked, OrderStatus::Blocked),
                OState::Transit => (&mut s.incoming, OrderStatus::Incoming),
            };
            *count += 1;
            orders.push(OrderView {
                id: o.id,
                product: o.product,
                step: o.step() as u16,
                status,
                due: o.due,
                expedited: o.expedited,
                custom: o.custom,
            });
        }
        orders.sort_unstable_by_key(|o| o.id);
        (steps, orders)
    }

    /// What worker `w` is doing, where they belong, and since when.
    fn worker_view(&self, w: usize) -> WorkerView {
        let rt = &self.workers[w];
        WorkerView {
            activity: match rt.state {
                WorkerState::Idle => WorkerActivity::Idle,
                WorkerState::Task { slot } => WorkerActivity::Working {
                    step: self.orders[slot as usize]
                        .as_ref()
                        .map_or(0, |o| o.step() as u16),
                },
                WorkerState::Answer { .. } => WorkerActivity::Answering,
                WorkerState::Meeting => WorkerActivity::Meeting,
                WorkerState::Spanning => WorkerActivity::Spanning,
                WorkerState::Absent => WorkerActivity::Absent {
                    until: rt.absent_until,
                },
            },
            unit: self.org.worker_unit[w],
            spanner: self.org.spanner[w],
            since: rt.started,
        }
    }
}
