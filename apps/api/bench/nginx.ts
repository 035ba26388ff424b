import { type ChildProcess, spawn } from "node:child_process";
import { access, chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort } from "./bench-app.js";
import { httpRequest, keepAliveAgent } from "./http-client.js";

export interface Nginx {
  baseUrl: string;
  /** Where to put the files it serves (one worker, sendfile, no access log, bound to 127.0.0.1). */
  root: string;
  stop(): Promise<void>;
}

export async function nginxAvailable(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function config(prefix: string, root: string, port: number): string {
  return `worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
daemon off;
events { worker_connections 256; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  types { audio/webm webm; }
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location / { add_header Cache-Control no-store; }
  }
}
`;
}

/** Starts nginx in the foreground as our child, with a generated config and prefix in a temp directory. */
export async function startNginx(path: string): Promise<Nginx> {
  const prefix = await mkdtemp(join(tmpdir(), "kuulo-bench-nginx-"));
  const root = join(prefix, "www");
  await mkdir(root);
  // nginx workers run as an unprivileged user: they must be able to read the served files.
  await chmod(prefix, 0o755);
  await chmod(root, 0o755);
  const port = await freePort();
  await writeFile(join(prefix, "nginx.conf"), config(prefix, root, port));
  const child: ChildProcess = spawn(path, ["-p", prefix, "-c", join(prefix, "nginx.conf")], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const agent = keepAliveAgent(1);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await httpRequest(agent, `${baseUrl}/`);
        break;
      } catch (error) {
        if (attempt > 50 || child.exitCode !== null) throw error;
        await sleep(100);
      }
    }
  } finally {
    agent.destroy();
  }
  return {
    baseUrl,
    root,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGQUIT");
        await Promise.race([exited, sleep(5000)]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      await rm(prefix, { recursive: true, force: true });
    },
  };
}
