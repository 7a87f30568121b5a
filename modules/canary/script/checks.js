// CloudWatch Synthetics canary: GETs each path of CHECK_PATHS on CHECK_HOST over HTTPS and fails
// unless every answer is a 2xx. Written for the syn-nodejs-puppeteer runtimes from 13.1 on
// (@aws/synthetics-puppeteer); configured only through environment variables, so the same
// script serves every canary of the platform.
const synthetics = require("@aws/synthetics-puppeteer");
const log = require("@aws/synthetics-logger");

const host = process.env.CHECK_HOST;
const paths = (process.env.CHECK_PATHS || "").split(",").filter((path) => path !== "");

async function check(path) {
  const request = { hostname: host, method: "GET", path, port: 443, protocol: "https:" };
  await synthetics.executeHttpStep(`GET ${path}`, request, async (response) => {
    const status = response.statusCode;
    if (status < 200 || status > 299) throw new Error(`GET https://${host}${path} answered ${status}`);
    log.info(`GET https://${host}${path} answered ${status}`);
  });
}

exports.handler = async () => {
  if (!host || paths.length === 0) throw new Error("CHECK_HOST and CHECK_PATHS must be set");
  for (const path of paths) await check(path);
};
