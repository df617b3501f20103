# syntax=docker/dockerfile:1
# Strikewire: build with the dev tools, run with production dependencies only, as a non-root user.
# The build steps live in scripts/container-build.sh, which test/prod/container-build.test.ts also runs.

FROM node:24-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 falls back to compiling when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN sh scripts/container-build.sh build && sh scripts/container-build.sh check

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_PATH=/data/strikewire.db \
    PORT=3000 \
    HEALTH_PORT=3001
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json /app/package-lock.json ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/scripts ./scripts
# The database (SQLite and its -wal and -shm files) is the only state; it lives on the volume.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000 3001
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "scripts/healthcheck.mjs"]
# node directly (not npm) so SIGTERM reaches the bot and it stops cleanly within 10 s.
CMD ["node", "dist/main.js"]
