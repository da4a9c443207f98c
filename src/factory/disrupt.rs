//! Disruptions inside one factory, one method per kind (breakdowns, absence, supply, rush offers, surges,
//! spec changes, new requirements, outages, mandated reorganisation), and how each ends.

use super::rng::{Stream, next_unit, substream_rng};
use super::*;
use crate::domain::event::DISRUPTION_ORDER_BASE;
use crate::domain::time::ms_from_minutes;
use crate::domain::{DisruptionKind as K, Dist};
use crate::i18n::Lang::En;
use crate::t;

/// The terms of a rush offer.
struct RushTerms {
    quantity: u32,
    due_in_min: f64,
    price_factor: f64,
    decide_within_min: f64,
    accept_by_default: bool,
}

/// Orders created by one disruption instance get ids `BASE + instance << 20 + k`.
fn disruption_order_id(instance: u32, k: u64) -> OrderId {
    DISRUPTION_ORDER_BASE + (u64::from(instance) << 20) + k
}

impl FactorySim {
    /// Schedules a disruption for this factory (and its twins) at `at` (now if it is not ahead).
    pub fn inject(&mut self, instance: u32, spec: DisruptionSpec, at: SimTime) {
        self.each_twin(|t| t.inject(instance, spec.clone(), at));
        if at > self.now {
            self.schedule(at, Ev::Disrupt(Box::new((instance, spec))));
        } else {
            self.fork_twin(&spec.id);
            self.disrupt(instance, spec);
            self.dispatch();
        }
    }

    /// A disruption starts in this factory now.
    pub(super) fn disrupt(&mut self, instance: u32, spec: DisruptionSpec) {
        self.emit(EventKind::DisruptionStarted {
            spec: Box::new(spec.clone()),
        });
        let id = spec.id;
        match spec.kind {
            K::SupplyShortage {
                ingredient,
                duration_min,
                stock_lost,
            } => self.supply_shortage(id, &ingredient, duration_min, stock_lost),
            K::StationBreakdown {
                station,
                units,
                duration_min,
            } => self.station_breakdown(id, &station, units, duration_min),
            K::WorkerAbsent {
                worker,
                duration_min,
            } => self.worker_absent(id, &worker, duration_min),
            K::RushOrder {
                product,
                quantity,
                due_in_min,
                price_factor,
                decide_within_min,
                accept_by_default,
            } => {
                let terms = RushTerms {
                    quantity,
                    due_in_min,
                    price_factor,
                    decide_within_min,
                    accept_by_default,
                };
                self.rush_offer(instance, id, &product, terms);
            }
            K::SpecChange { share } => self.spec_changes(instance, share),
            K::DemandSurge {
                products,
                factor,
                duration_min,
            } => self.demand_surge(instance, id, &products, factor, duration_min),
            K::NewRequirement {
                product,
                step,
                after,
                duration,
            } => self.new_requirement(&product, &step, &after, duration),
            K::CommunicationOutage {
                duration_min,
                delay,
                miscommunication,
                question,
            } => {
                let m = Multipliers {
                    delay,
                    miscommunication,
                    question,
                };
                self.communication_outage(instance, id, duration_min, m);
            }
            K::ReorganisationMandate { design } => {
                if let Some(d) = self.model.design_index(&design) {
                    self.choose_design(d);
                }
            }
        }
    }

    /// The end of something lasting `minutes` from now (at least a millisecond away).
    fn until(&self, minutes: f64) -> SimTime {
        self.now.saturating_add(ms_from_minutes(minutes).max(1))
    }

    /// The supplier cannot deliver until the end; a share of the stock on hand is spoiled.
    fn supply_shortage(
        &mut self,
        id: String,
        ingredient: &str,
        duration_min: f64,
        stock_lost: f64,
    ) {
        let Some(i) = self.model.ingredient_index(ingredient) else {
            return;
        };
        let end = self.until(duration_min);
        let st = &mut self.stock[i];
        let lost = (f64::from(st.on_hand) * stock_lost.clamp(0.0, 1.0)).floor() as u32;
        st.on_hand -= lost.min(st.on_hand);
        st.supplier_down_until = st.supplier_down_until.max(end);
        self.schedule(end, Ev::DisruptionEnd(Box::new(EndAction::Supply { id })));
    }

    /// Units of a station break down; work on them stops and goes back to its queue.
    fn station_breakdown(&mut self, id: String, station: &str, units: u32, duration_min: f64) {
        let Some(s) = self.model.station_index(station) else {
            return;
        };
        let end = self.until(duration_min);
        let st = &mut self.stations[s];
        let k = units.min(st.count - st.down);
        st.down += k;
        self.emit(EventKind::StationDown {
            station: s as u16,
            units: k,
            until: end,
        });
        while self.stations[s].users.len() as u32 > self.stations[s].count - self.stations[s].down {
            let Some(&slot) = self.stations[s].users.last() else {
                break;
            };
            self.interrupt_station_user(slot);
        }
        let end_action = EndAction::StationUp {
            id,
            station: s as u16,
            units: k,
        };
        self.schedule(end, Ev::DisruptionEnd(Box::new(end_action)));
    }

    /// A worker is away until the end.
    fn worker_absent(&mut self, id: String, worker: &str, duration_min: f64) {
        let Some(w) = self.model.worker_index(worker) else {
            return;
        };
        let end = self.until(duration_min);
        self.make_absent(w as u16, end);
        self.schedule(end, Ev::DisruptionEnd(Box::new(EndAction::Absence { id })));
    }

    /// A customer offers a rush order; the team decides by the deadline, else the default holds.
    fn rush_offer(&mut self, instance: u32, id: String, product: &str, terms: RushTerms) {
        let Some(p) = self.model.product_index(product) else {
            return;
        };
        let offer = self.offers.len() as u32;
        let due = self.until(terms.due_in_min);
        let price = self.model.products[p].price * terms.price_factor;
        let decide_by = self.until(terms.decide_within_min);
        self.offers.push(Offer {
            instance,
            product: p as u16,
            quantity: terms.quantity,
            due,
            price,
            open: true,
            accept_by_default: terms.accept_by_default,
        });
        self.emit(EventKind::RushOffered {
            offer,
            disruption: id,
            product: p as u16,
            quantity: terms.quantity,
            due,
            price,
            decide_by,
        });
        if !self.live_offers {
            self.schedule(decide_by, Ev::OfferDeadline { offer });
        }
    }

    /// Each custom order in the factory has its spec changed with chance `share` (the same orders in every
    /// factory: the draw is keyed by the disruption and the order).
    fn spec_changes(&mut self, instance: u32, share: f64) {
        let mut candidates: Vec<OrderId> = self
            .orders
            .iter()
            .flatten()
            .filter(|o| o.custom && !o.cancelled)
            .map(|o| o.id)
            .collect();
        candidates.sort_unstable();
        let keyed = Keyed::new(self.seed, Stream::Disruption);
        for order in candidates {
            if keyed.context(u64::from(instance), order).u(0) < share {
                self.spec_change(order);
            }
        }
    }

    /// Extra arrivals of the listed products (all when empty) until the end.
    fn demand_surge(
        &mut self,
        instance: u32,
        id: String,
        products: &[String],
        factor: f64,
        duration_min: f64,
    ) {
        let rates = self
            .model
            .surge_rates(products, factor, self.round)
            .into_iter()
            .map(|(p, rate, due_in)| (p, rate, due_in.clone()))
            .collect();
        let end = self.until(duration_min);
        self.surges.push(Surge {
            instance,
            rng: substream_rng(self.seed, Stream::Disruption, u64::from(instance)),
            rates,
            until: end,
            next_k: 0,
        });
        self.plan_surge(instance, self.now);
        self.schedule(
            end,
            Ev::DisruptionEnd(Box::new(EndAction::Surge { id, instance })),
        );
    }

    /// A new step after `after` in the routing of `product` (all products when empty), for orders from now.
    fn new_requirement(&mut self, product: &str, step: &str, after: &str, duration: Dist) {
        let model = self.shared_model();
        let (Some(s), Some(a)) = (model.step_index(step), model.step_index(after)) else {
            return;
        };
        for (p, prod) in model.products.iter().enumerate() {
            if !product.is_empty() && prod.id != product {
                continue;
            }
            let routing = &self.routings[p];
            if routing.iter().any(|op| op.step == s) {
                continue;
            }
            if let Some(pos) = routing.iter().position(|op| op.step == a) {
                let mut ops = routing.to_vec();
                ops.insert(
                    pos + 1,
                    Operation {
                        step: s,
                        duration: duration.clone(),
                        unattended: None,
                        defect_prob: 0.0,
                        ingredients: Vec::new(),
                    },
                );
                self.routings[p] = Arc::from(ops);
            }
        }
    }

    /// Cross-unit handoffs are worse until the end.
    fn communication_outage(
        &mut self,
        instance: u32,
        id: String,
        duration_min: f64,
        m: Multipliers,
    ) {
        self.outages.push((instance, m));
        let end = self.until(duration_min);
        self.schedule(
            end,
            Ev::DisruptionEnd(Box::new(EndAction::Outage { id, instance })),
        );
    }

    pub(super) fn end_disruption(&mut self, action: EndAction) {
        let id = match action {
            EndAction::StationUp { id, station, units } => {
                let st = &mut self.stations[station as usize];
                st.down = st.down.saturating_sub(units);
                self.dispatch_due = true;
                self.emit(EventKind::StationUp { station, units });
                id
            }
            EndAction::Outage { id, instance } => {
                self.outages.retain(|(i, _)| *i != instance);
                id
            }
            EndAction::Surge { id, instance } => {
                self.surges.retain(|s| s.instance != instance);
                id
            }
            EndAction::Supply { id } | EndAction::Absence { id } => id,
        };
        self.emit(EventKind::DisruptionEnded { id });
    }

    // ----- rush offers -----

    pub(super) fn respond_to_offer(&mut self, offer: u32, accept: bool) -> Result<(), String> {
        match self.offers.get(offer as usize) {
            None => Err(t!(En, "refuse-no-offer", offer = offer.to_string())),
            Some(o) if !o.open => Err(t!(En, "refuse-offer-decided", offer = offer.to_string())),
            Some(_) => {
                self.decide_offer(offer, accept, false);
                Ok(())
            }
        }
    }

    /// Offers wait for [`lapse_offer`](Self::lapse_offer) instead of closing at their simulated deadline.
    pub fn set_live_offers(&mut self, on: bool) {
        self.live_offers = on;
    }

    /// The live game's answer time for `offer` ran out: its default applies, in the twins too.
    pub fn lapse_offer(&mut self, offer: u32) -> Result<(), String> {
        let instance = match self.offers.get(offer as usize) {
            None => return Err(t!(En, "refuse-no-offer", offer = (offer + 1).to_string())),
            Some(o) if !o.open => {
                return Err(t!(
                    En,
                    "refuse-offer-decided",
                    offer = (offer + 1).to_string()
                ));
            }
            Some(o) => o.instance,
        };
        self.offer_deadline(offer);
        self.each_twin(|t| {
            if let Some(o) = t.offer_of(instance) {
                t.offer_deadline(o);
            }
        });
        Ok(())
    }

    /// This factory's number of the offer made by disruption instance `instance`.
    pub(super) fn offer_of(&self, instance: u32) -> Option<u32> {
        self.offers
            .iter()
            .position(|o| o.instance == instance)
            .map(|i| i as u32)
    }

    /// The disruption instance that made `offer`.
    pub(super) fn offer_instance(&self, offer: u32) -> Option<u32> {
        self.offers.get(offer as usize).map(|o| o.instance)
    }

    pub(super) fn offer_deadline(&mut self, offer: u32) {
        if let Some(o) = self.offers.get(offer as usize)
            && o.open
        {
            let accept = o.accept_by_default;
            self.decide_offer(offer, accept, true);
        }
    }

    fn decide_offer(&mut self, offer: u32, accepted: bool, by_default: bool) {
        let o = &mut self.offers[offer as usize];
        o.open = false;
        let o = o.clone();
        self.emit(EventKind::RushAnswered {
            offer,
            accepted,
            by_default,
        });
        if accepted {
            for k in 0..u64::from(o.quantity) {
                let spec = OrderSpec {
                    product: o.product as usize,
                    arrival: self.now,
                    due: o.due,
                    spec_change_at: None,
                };
                self.receive_priced(disruption_order_id(o.instance, k), &spec, true, o.price);
            }
        }
    }

    // ----- demand surges -----

    fn plan_surge(&mut self, instance: u32, after: SimTime) {
        let Some(s) = self.surges.iter_mut().find(|s| s.instance == instance) else {
            return;
        };
        let total: f64 = s.rates.iter().map(|(_, r, _)| r).sum();
        if total <= 0.0 {
            return;
        }
        let gap = -(1.0 - next_unit(&mut s.rng)).ln() / total;
        let t = after.saturating_add(ms_from_minutes(gap));
        if t < s.until && t < self.round_end {
            self.schedule(t, Ev::SurgeArrival { instance });
        }
    }

    pub(super) fn surge_arrival(&mut self, instance: u32) {
        if !self.running {
            return;
        }
        let model = self.shared_model();
        let now = self.now;
        let Some(s) = self.surges.iter_mut().find(|s| s.instance == instance) else {
            return;
        };
        let total: f64 = s.rates.iter().map(|(_, r, _)| r).sum();
        let mut pick = next_unit(&mut s.rng) * total;
        let mut chosen = s.rates.len() - 1;
        for (i, (_, r, _)) in s.rates.iter().enumerate() {
            if pick < *r {
                chosen = i;
                break;
            }
            pick -= r;
        }
        let (product, _, due_in) = s.rates[chosen].clone();
        let spec = demand::draw_order(&model, &mut s.rng, product, &due_in, now);
        let k = s.next_k;
        s.next_k += 1;
        self.receive(disruption_order_id(instance, k), &spec, false);
        self.plan_surge(instance, now);
    }
}
