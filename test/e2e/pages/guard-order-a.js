// Tagged script A of guard-order.html: a classic external script.
window.order.push('a');
