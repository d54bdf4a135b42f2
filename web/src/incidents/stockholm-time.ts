// Moved to shared/ui so that every capability reads datetime-local fields as Stockholm time.
export { stockholmInputValueToIso, toStockholmInputValue } from '../shared/ui/stockholm-time.ts';
