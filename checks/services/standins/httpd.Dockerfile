# httpd stand-in: busybox plus Apache's htpasswd on the official image's PATH.
ARG BASE
FROM ${BASE}
COPY rootfs/ /
ENV HTTPD_PREFIX=/usr/local/apache2
ENV PATH=/usr/local/apache2/bin:$PATH
WORKDIR /usr/local/apache2
EXPOSE 80
CMD ["httpd", "-f", "-v", "-p", "80", "-h", "/usr/local/apache2/htdocs"]
