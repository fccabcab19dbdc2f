FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The client package is an npm workspace: npm ci needs its package.json to match the lock.
COPY client/package.json ./client/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Served as is to browsers, so tsc leaves them where they are.
COPY --from=build /app/src/insights/browser ./src/insights/browser
COPY --from=build /app/src/curate-page/curate.js ./src/curate-page/curate.js
# The persisted-documents manifest: /insights reads its operations from it, TRUSTED_DOCUMENTS=anonymous its hashes.
COPY --from=build /app/client/generated/persisted-documents.json ./client/generated/persisted-documents.json
COPY --from=build /app/data ./data
COPY --from=build /app/scripts/server-node-flags ./scripts/server-node-flags
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s CMD node -e "fetch('http://127.0.0.1:4000/readyz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# The heap budget of scripts/server-node-flags, as `npm start` and the benchmark use it.
CMD ["sh", "-c", "exec node $(cat scripts/server-node-flags) dist/src/main.js"]
