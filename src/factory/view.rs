//! A read-only snapshot of a factory for the game's floor and panels: what each step, station, worker and
//! order is doing right now.

use super::*;

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

#[derive(Clone, Debug, PartialEq)]
pub struct StationView {
    pub count: u32,
    pub in_use: u32,
    pub down: u32,
}

#[derive(Copy, Clone, Debug, PartialEq)]
pub enum WorkerActivity {
    Idle,
    Working { step: u16 },
    Answering,
    Meeting,
    Absent { until: SimTime },
}

#[derive(Clone, Debug, PartialEq)]
pub struct WorkerView {
    pub activity: WorkerActivity,
    pub unit: u16,
    pub spanner: bool,
    /// When the current activity began.
    pub since: SimTime,
}

/// What an order is doing at its step.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum OrderStatus {
    Queued,
    Working,
    Processing,
    Asking,
    Blocked,
    Incoming,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OrderView {
    pub id: OrderId,
    pub product: u16,
    pub step: u16,
    pub status: OrderStatus,
    pub due: SimTime,
    pub expedited: bool,
    pub custom: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OfferView {
    pub offer: u32,
    pub product: u16,
    pub quantity: u32,
    pub due: SimTime,
    pub price: f64,
}

/// Everything the game shows of one factory at one moment.
#[derive(Clone, Debug, PartialEq)]
pub struct FactoryView {
    pub now: SimTime,
    pub steps: Vec<StepView>,
    pub stations: Vec<StationView>,
    pub workers: Vec<WorkerView>,
    /// Orders in the factory, in id order.
    pub orders: Vec<OrderView>,
    pub offers: Vec<OfferView>,
    pub pending_design: Option<String>,
    pub meeting_until: Option<SimTime>,
}

impl FactoryView {
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
