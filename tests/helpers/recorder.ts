/** What a local fake received, with a way to wait for an item that has arrived or will arrive. */
export class Recorder<T> {
  readonly items: T[] = [];
  private waiters: Array<() => void> = [];

  push(item: T) {
    this.items.push(item);
    this.waiters.splice(0).forEach((w) => w());
  }

  waitFor(match: (item: T) => boolean, timeoutMs = 15_000, describe: (items: T[]) => string = (items) => `${items.length} items`): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`nothing matching within ${timeoutMs} ms; got ${describe(this.items)}`)), timeoutMs);
      const check = () => {
        const found = this.items.find(match);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        } else this.waiters.push(check);
      };
      check();
    });
  }
}
