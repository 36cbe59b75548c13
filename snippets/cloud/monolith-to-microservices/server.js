// The message board API as one service (a monolith): users, threads and posts in one process.
const http = require("node:http");
const db = require("./db.json");

const port = Number(process.env.PORT) || 3000;

// Each route: a pattern and what it answers; `:id` parts become arguments.
const routes = [
  ["/api/users", () => db.users],
  ["/api/users/:id", (id) => db.users.find((user) => user.id === id)],
  ["/api/threads", () => db.threads],
  ["/api/threads/:id", (id) => db.threads.find((thread) => thread.id === id)],
  ["/api/posts/in-thread/:id", (id) => db.posts.filter((post) => post.thread === id)],
  ["/api/posts/by-user/:id", (id) => db.posts.filter((post) => post.user === id)],
  ["/api", () => "API ready to receive requests"],
  ["/", () => "Ready to receive requests"],
];

function answer(path) {
  const parts = (path.length > 1 ? path.replace(/\/+$/, "") : path).split("/");
  for (const [pattern, handler] of routes) {
    const names = pattern.split("/");
    if (names.length !== parts.length) continue;
    const args = [];
    const matches = names.every((name, i) =>
      name.startsWith(":") ? args.push(Number(parts[i])) > 0 : name === parts[i],
    );
    if (matches) return handler(...args);
  }
  return undefined;
}

const server = http.createServer((request, response) => {
  const { pathname } = new URL(request.url, "http://localhost");
  const body = request.method === "GET" ? answer(pathname) : undefined;
  if (body === undefined) {
    response.writeHead(404, { "Content-Type": "application/json" });
    response.end(JSON.stringify({ error: "not found" }) + "\n");
    return;
  }
  response.writeHead(200, { "Content-Type": "application/json" });
  response.end(JSON.stringify(body) + "\n");
});

server.listen(port, () => console.log(`Monolith listening on port ${port}`));
