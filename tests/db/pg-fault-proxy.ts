import net from "node:net";

/**
 * A TCP proxy in front of PostgreSQL that the fault tests switch off: `stop()` drops every
 * connection and refuses new ones (as a stopped server does: ECONNREFUSED), `resume()` listens on
 * the same port again, and `cutOn(text)` stops it the moment a client sends a query containing
 * `text`, i.e. in the middle of that request's transaction.
 */
export class FaultProxy {
  private readonly sockets = new Set<net.Socket>();
  private marker: string | null = null;
  /** true once an armed cutOn() fired */
  tripped = false;

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<FaultProxy> {
    const holder: { proxy?: FaultProxy } = {};
    const server = net.createServer((client) => holder.proxy!.pipe(client, target));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    holder.proxy = new FaultProxy(server, (server.address() as net.AddressInfo).port);
    return holder.proxy;
  }

  private pipe(client: net.Socket, target: { host: string; port: number }): void {
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on("error", () => {});
      s.on("close", () => this.sockets.delete(s));
    }
    client.on("data", (chunk) => {
      if (this.marker && chunk.toString("latin1").includes(this.marker)) {
        this.marker = null;
        this.tripped = true;
        void this.stop();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => client.write(chunk));
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  }

  cutOn(text: string): void {
    this.tripped = false;
    this.marker = text;
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  async resume(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.port, "127.0.0.1", () => {
        this.server.off("error", reject);
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    this.marker = null;
    if (this.server.listening) await this.stop();
  }
}
