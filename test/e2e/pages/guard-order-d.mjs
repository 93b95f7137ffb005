// Tagged script D of guard-order.html: a module (data-type="module").
window.order.push(typeof import.meta === 'object' ? 'd:module' : 'd');
