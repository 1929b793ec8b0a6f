import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from "aws-lambda";
import type { CreateNoticeBody } from "../../services/release-notices/contract";
import { parseIdentityNumber } from "../../shared/identity";

/** Luhn check digit over the nine digits YYMMDDNNN of a personnummer. */
const luhn = (digits: string): number => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return (10 - (sum % 10)) % 10;
};

/** `count` distinct valid personnummer in the 13-character form (YYYYMMDD-NNNC), born 1960-1999. */
export const personnummer = (count: number, now: Date): string[] => {
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const year = 1960 + (i % 40);
    const month = 1 + (Math.floor(i / 40) % 12);
    const day = 1 + (Math.floor(i / 480) % 28);
    const serial = 1 + (Math.floor(i / 13_440) % 999);
    const yymmdd = `${String(year % 100).padStart(2, "0")}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}`;
    const nnn = String(serial).padStart(3, "0");
    const number = `${year}${yymmdd.slice(2)}-${nnn}${luhn(`${yymmdd}${nnn}`)}`;
    if (!parseIdentityNumber(number, now)) throw new Error("generated an invalid personnummer");
    out.push(number);
  }
  return out;
};

/** A release date this many calendar months after now (UTC date arithmetic is enough here). */
export const releaseDateMonthsAhead = (now: Date, months: number): string => {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 15));
  return d.toISOString().slice(0, 10);
};

export const noticeBody = (noticeId: string, pnr: string, releaseDate: string): CreateNoticeBody => ({
  noticeId,
  municipality: "0180",
  person: { personalIdentityNumber: pnr },
  institution: "Anstalten Kumla",
  expectedReleaseDate: releaseDate,
  releaseType: "conditional",
  needs: ["housing", "employment", "addiction"],
  contact: { name: "Frivården Örebro", phone: "+46 10 123 45 67", email: "frivarden.orebro@example.se" },
});

/** What API Gateway (HTTP API, payload 2.0) hands the function after its JWT authorizer accepted the token. */
export const postEvent = (body: string, requestId: string): APIGatewayProxyEventV2WithJWTAuthorizer => {
  const now = Date.now();
  return {
    version: "2.0",
    routeKey: "POST /v1/release-notices",
    rawPath: "/v1/release-notices",
    rawQueryString: "",
    headers: {
      "content-type": "application/json",
      "content-length": String(Buffer.byteLength(body)),
      host: "api.example.se",
      "user-agent": "bench",
    },
    requestContext: {
      accountId: "123456789012",
      apiId: "bench",
      authorizer: {
        principalId: "",
        integrationLatency: 0,
        jwt: {
          claims: { sub: "kriminalvarden-bench", scope: "release-notices:write national" },
          scopes: ["release-notices:write"],
        },
      },
      domainName: "api.example.se",
      domainPrefix: "api",
      http: {
        method: "POST",
        path: "/v1/release-notices",
        protocol: "HTTP/1.1",
        sourceIp: "127.0.0.1",
        userAgent: "bench",
      },
      requestId,
      routeKey: "POST /v1/release-notices",
      stage: "$default",
      time: new Date(now).toISOString(),
      timeEpoch: now,
    },
    body,
    isBase64Encoded: false,
  };
};

export const lambdaContext = (functionName: string, requestId: string): Context => ({
  callbackWaitsForEmptyEventLoop: true,
  functionName,
  functionVersion: "$LATEST",
  invokedFunctionArn: `arn:aws:lambda:eu-north-1:123456789012:function:${functionName}`,
  memoryLimitInMB: "512",
  awsRequestId: requestId,
  logGroupName: `/aws/lambda/${functionName}`,
  logStreamName: "bench",
  getRemainingTimeInMillis: () => 10_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});
