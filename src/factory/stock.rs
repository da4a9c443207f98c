//! The ingredient store: stock taken by tasks, reordering at the reorder point, and deliveries (held back
//! while the supplier is down).

use super::*;
use crate::domain::time::ms_from_minutes;

impl FactorySim {
    /// Takes the ingredients of the order's current step from the store (once per attempt at the step).
    pub(super) fn take_ingredients(&mut self, slot: u32) {
        if self.order(slot).ingredients_taken {
            return;
        }
        let routing = Arc::clone(&self.order(slot).routing);
        let needs = &routing[self.order(slot).pos].ingredients;
        for &(i, q) in needs {
            self.stock[i].on_hand -= q;
        }
        self.order_mut(slot).ingredients_taken = true;
        for &(i, _) in needs {
            self.check_reorder(i);
        }
    }

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
        self.dispatch_due = true;
        st.on_order = st.on_order.saturating_sub(qty);
        st.out = false;
        self.emit(EventKind::StockArrived { ingredient, qty });
    }
}
