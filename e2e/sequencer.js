// Browser test files run one at a time on one stack, in jest's order (slowest or largest first). E2E_ORDER=reverse or
// E2E_ORDER=shuffle[:seed] runs them in another order, to find a file that leans on another file's data.
const Sequencer = require('@jest/test-sequencer').default;

class E2eSequencer extends Sequencer {
  sort(tests) {
    const order = process.env.E2E_ORDER ?? '';
    const sorted = [...tests].sort((a, b) => a.path.localeCompare(b.path));
    if (order === 'reverse') return sorted.reverse();
    if (order.startsWith('shuffle')) {
      let seed = Number(order.split(':')[1]) || Date.now() % 100_000;
      console.log(`E2E_ORDER=shuffle:${seed}`);
      const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
      for (let i = sorted.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [sorted[i], sorted[j]] = [sorted[j], sorted[i]];
      }
      return sorted;
    }
    return super.sort(tests);
  }
}

module.exports = E2eSequencer;
