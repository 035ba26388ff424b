import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./free-port.js";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const NGINX_PATH = "/usr/sbin/nginx";

export const nginxAvailable = () => existsSync(NGINX_PATH) && existsSync("/usr/bin/openssl");

export interface RunningNginx {
  /** https://127.0.0.1:<port> */
  origin: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * nginx in front of the API exactly as deploy/nginx/kuulo-proxy.conf says, with TLS from a self-signed
 * certificate made here, connecting upstream from `bindAddress` (the one trusted proxy address). A
 * non-daemon child with its own prefix in a temporary directory.
 */
export async function startNginx(options: {
  upstream: string;
  bindAddress: string;
  port?: number;
}): Promise<RunningNginx> {
  const prefix = await mkdtemp(join(tmpdir(), "kuulo-e2e-nginx-"));
  await chmod(prefix, 0o755);
  const port = options.port ?? (await freePort());
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:P-256",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      join(prefix, "key.pem"),
      "-out",
      join(prefix, "cert.pem"),
    ],
    { stdio: "ignore" },
  );
  await writeFile(
    join(prefix, "nginx.conf"),
    `worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 128; }
http {
  access_log off;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  types { text/html html; text/javascript js; text/css css; }
  upstream kuulo_api { server ${options.upstream}; keepalive 4; }
  server {
    listen 127.0.0.1:${port} ssl;
    ssl_certificate ${prefix}/cert.pem;
    ssl_certificate_key ${prefix}/key.pem;
    proxy_bind ${options.bindAddress};
    include ${join(REPO_ROOT, "deploy/nginx/kuulo-proxy.conf")};
  }
}
`,
  );
  const child: ChildProcess = spawn(NGINX_PATH, ["-p", prefix, "-c", join(prefix, "nginx.conf")], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGQUIT");
      await exited;
    }
    await rm(prefix, { recursive: true, force: true });
  };
  // Waits on nginx's state (answering TLS), never on a fixed time.
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`nginx exited: ${stderr}`);
    }
    if (await answers(port)) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { origin: `https://127.0.0.1:${port}`, port, stop };
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(
      { host: "127.0.0.1", port, path: "/healthz", rejectUnauthorized: false, agent: false },
      (response) => {
        response.resume();
        resolve(true);
      },
    );
    req.on("error", () => resolve(false));
    req.end();
  });
}
