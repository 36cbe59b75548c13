# registry stand-in: busybox plus Debian's docker-registry, with the official image's layout.
ARG BASE
FROM ${BASE}
COPY registry /bin/registry
COPY config.yml /etc/docker/registry/config.yml
COPY entrypoint.sh /entrypoint.sh
VOLUME ["/var/lib/registry"]
EXPOSE 5000
ENTRYPOINT ["/entrypoint.sh"]
CMD ["/etc/docker/registry/config.yml"]
