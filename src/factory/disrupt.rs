//! Disruptions inside one factory (breakdowns, absence, supply, rush offers, surges, spec changes, new
//! requirements, outages, mandated reorganisation) and the ingredient store they often hit.

use super::rng::{Stream, next_unit, substream_rng};
use super::*;
use crate::domain::DisruptionKind as K;
use crate::domain::event::DISRUPTION_ORDER_BASE;
use crate::domain::time::ms_from_minutes;

/// Orders created by one disruption instance get ids `BASE + instance << 20 + k`.
fn disruption_order_id(instance: u32, k: u64) -> OrderId {
    DISRUPTION_ORDER_BASE + (u64::from(instance) << 20) + k
}

impl FactorySim {
    /// Schedules a disruption for this factory at `at` (now if it is not ahead).
    pub fn inject(&mut self, instance: u32, spec: DisruptionSpec, at: SimTime) {
        if at > self.now {
            self.schedule(at, Ev::Disrupt(Box::new((instance, spec))));
        } else {
            self.disrupt(instance, spec);
            self.dispatch();
        }
    }

    pub(super) fn disrupt(&mut self, instance: u32, spec: DisruptionSpec) {
        let model = self.shared_model();
        self.emit(EventKind::DisruptionStarted {
            spec: Box::new(spec.clone()),
        });
        let id = spec.id.clone();
        let until = |f: &Self, minutes: f64| f.now.saturating_add(ms_from_minutes(minutes).max(1));
        match spec.kind {
            K::SupplyShortage {
                ingredient,
                duration_min,
                stock_lost,
            } => {
                let Some(i) = model.ingredient_index(&ingredient) else {
                    return;
                };
                let end = until(self, duration_min);
                let st = &mut self.stock[i];
                let lost = (f64::from(st.on_hand) * stock_lost.clamp(0.0, 1.0)).floor() as u32;
                st.on_hand -= lost.min(st.on_hand);
                st.supplier_down_until = st.supplier_down_until.max(end);
                self.schedule(end, Ev::DisruptionEnd(Box::new(EndAction::Supply { id })));
            }
            K::StationBreakdown {
                station,
                units,
                duration_min,
            } => {
                let Some(s) = model.station_index(&station) else {
                    return;
                };
                let end = until(self, duration_min);
                let st = &mut self.stations[s];
                let k = units.min(st.count - st.down);
                st.down += k;
                self.emit(EventKind::StationDown {
                    station: s as u16,
                    units: k,
                    until: end,
                });
                while self.stations[s].users.len() as u32
                    > self.stations[s].count - self.stations[s].down
                {
                    let Some(&slot) = self.stations[s].users.last() else {
                        break;
                    };
                    self.interrupt_station_user(slot);
                }
                self.schedule(
                    end,
                    Ev::DisruptionEnd(Box::new(EndAction::StationUp {
                        id,
                        station: s as u16,
                        units: k,
                    })),
                );
            }
            K::WorkerAbsent {
                worker,
                duration_min,
            } => {
                let Some(w) = model.worker_index(&worker) else {
                    return;
                };
                let end = until(self, duration_min);
                self.make_absent(w as u16, end);
                self.schedule(end, Ev::DisruptionEnd(Box::new(EndAction::Absence { id })));
            }
            K::RushOrder {
                product,
                quantity,
                due_in_min,
                price_factor,
                decide_within_min,
                accept_by_default,
            } => {
                let Some(p) = model.product_index(&product) else {
                    return;
                };
                let offer = self.offers.len() as u32;
                let due = self.now.saturating_add(ms_from_minutes(due_in_min).max(1));
                let price = model.products[p].price * price_factor;
                let decide_by = until(self, decide_within_min);
                self.offers.push(Offer {
                    instance,
                    product: p as u16,
                    quantity,
                    due,
                    price,
                    open: true,
                    accept_by_default,
                });
                self.emit(EventKind::RushOffered {
                    offer,
                    disruption: id,
                    product: p as u16,
                    quantity,
                    due,
                    price,
                    decide_by,
                });
                self.schedule(decide_by, Ev::OfferDeadline { offer });
            }
            K::SpecChange { share } => {
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
            K::DemandSurge {
                products,
                factor,
                duration_min,
            } => {
                let round_ix = self.round.saturating_sub(1) as usize;
                let rates = model
                    .demand
                    .iter()
                    .filter_map(|d| match d {
                        crate::scenario::model::Demand::Poisson {
                            product,
                            per_hour,
                            round_factors,
                            due_in,
                        } if products.is_empty()
                            || products.contains(&model.products[*product].id) =>
                        {
                            let rf = round_factors.get(round_ix).copied().unwrap_or(1.0);
                            Some((
                                *product,
                                per_hour * rf * (factor - 1.0) / 60.0,
                                due_in.clone(),
                            ))
                        }
                        _ => None,
                    })
                    .filter(|(_, r, _)| *r > 0.0)
                    .collect();
                let end = until(self, duration_min);
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
            K::NewRequirement {
                product,
                step,
                after,
                duration,
            } => {
                let (Some(s), Some(a)) = (model.step_index(&step), model.step_index(&after)) else {
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
            K::CommunicationOutage {
                duration_min,
                delay,
                miscommunication,
                question,
            } => {
                self.outages.push((
                    instance,
                    Multipliers {
                        delay,
                        miscommunication,
                        question,
                    },
                ));
                let end = until(self, duration_min);
                self.schedule(
                    end,
                    Ev::DisruptionEnd(Box::new(EndAction::Outage { id, instance })),
                );
            }
            K::ReorganisationMandate { design } => {
                if let Some(d) = model.design_index(&design) {
                    self.choose_design(d);
                }
            }
        }
    }

    pub(super) fn end_disruption(&mut self, action: EndAction) {
        let id = match action {
            EndAction::StationUp { id, station, units } => {
                let st = &mut self.stations[station as usize];
                st.down = st.down.saturating_sub(units);
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
            None => Err(format!("there is no offer {offer}")),
            Some(o) if !o.open => Err(format!("offer {offer} is already decided")),
            Some(_) => {
                self.decide_offer(offer, accept, false);
                Ok(())
            }
        }
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

    // ----- the store -----

    /// Orders more of an ingredient when stock on hand plus on order is at or below its reorder point.
    pub(super) fn check_reorder(&mut self, i: usize) {
        let model = self.shared_model();
        let ing = &model.ingredients[i];
        let st = &mut self.stock[i];
        if st.on_hand == 0 && !st.out {
            st.out = true;
            self.emit(EventKind::StockOut {
                ingredient: i as u16,
            });
        }
        let st = &mut self.stock[i];
        let position = u64::from(st.on_hand) + u64::from(st.on_order);
        let point = u64::from(ing.reorder_point);
        if position > point {
            return;
        }
        let lots = (point + 1 - position).div_ceil(u64::from(ing.reorder_qty));
        let qty = (lots * u64::from(ing.reorder_qty)).min(u64::from(u32::MAX / 2)) as u32;
        let draws = self.supply.context(i as u64, st.reorders);
        st.reorders += 1;
        let (u1, u2) = draws.pair(0);
        let lead = ms_from_minutes(ing.lead_time.sample(u1, u2));
        let eta = self.now.max(st.supplier_down_until).saturating_add(lead);
        st.on_order = st.on_order.saturating_add(qty);
        let cost = f64::from(qty) * ing.unit_cost;
        self.schedule(
            eta,
            Ev::StockArrive {
                ingredient: i as u16,
                qty,
            },
        );
        self.emit(EventKind::StockOrdered {
            ingredient: i as u16,
            qty,
            eta,
        });
        if cost > 0.0 {
            self.emit(EventKind::Cost {
                kind: CostKind::Ingredients,
                amount: cost,
            });
        }
    }

    pub(super) fn stock_arrive(&mut self, ingredient: u16, qty: u32) {
        let st = &mut self.stock[ingredient as usize];
        if st.supplier_down_until > self.now {
            let t = st.supplier_down_until;
            self.schedule(t, Ev::StockArrive { ingredient, qty });
            return;
        }
        st.on_hand = st.on_hand.saturating_add(qty);
        st.on_order = st.on_order.saturating_sub(qty);
        st.out = false;
        self.emit(EventKind::StockArrived { ingredient, qty });
    }

    /// Stock on hand per ingredient.
    pub fn stock_on_hand(&self) -> Vec<u32> {
        self.stock.iter().map(|s| s.on_hand).collect()
    }
}
