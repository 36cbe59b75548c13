# node stand-in: ubuntu's stand-in plus the official Node.js binary and the image's node user.
ARG BASE
FROM ${BASE}
COPY node /usr/local/bin/node
RUN groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
CMD ["node"]
