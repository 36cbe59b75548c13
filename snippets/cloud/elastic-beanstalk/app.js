// A small web app for Elastic Beanstalk's Node.js platform, with no dependencies.
const http = require("node:http");

// Elastic Beanstalk's nginx forwards requests to the port in PORT (8080 by default).
const port = Number(process.env.PORT) || 8080;
// Set in .ebextensions/options.config: the DynamoDB table lives outside the environment.
const table = process.env.SIGNUP_TABLE || "(not configured)";

const server = http.createServer((request, response) => {
  if (request.url === "/health") {
    response.writeHead(200, { "Content-Type": "text/plain" });
    response.end("ok\n");
    return;
  }
  response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
  response.end(
    "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Node.js on Elastic Beanstalk</title></head>\n" +
      `<body><h1>Hello from Elastic Beanstalk</h1><p>Sign-ups go to the table ${table}.</p></body></html>\n`,
  );
});

server.listen(port, () => console.log(`Listening on port ${port}`));
