// placeholder: the guard entry (filled by the foundation + guard work)
export {};
