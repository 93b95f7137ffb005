// Tagged script C of guard-order.html: a deferred external script.
window.order.push('c');
