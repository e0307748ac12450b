# One image for every service of the system (docker-compose.yml picks the entry point per service).
# Everything it needs comes from the npm registry; nothing from the host's node_modules.
FROM node:20-bookworm-slim
WORKDIR /app
RUN npm install --global --no-fund --no-audit pnpm@10.34.8
COPY . .
RUN pnpm install --frozen-lockfile && rm -rf /root/.cache /root/.local/share/pnpm/store
