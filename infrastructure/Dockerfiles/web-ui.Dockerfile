# web-ui stand-in: nginx from Debian as www-data (uid 33), no capability needed: HTTPS on 8443 serving a static
# page that shows Oracle readings through the api (/api/ proxied to the api service), plain HTTP on 8080 that only
# redirects, the health probe on 127.0.0.1:8081. The certificate comes from a volume (infrastructure/volumes/tls).
# Build context: infrastructure/web-ui.
FROM debian:bookworm-slim

# The base's own packages are brought to their security versions too (SEC.patched), however old the base image is.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get upgrade -y \
    && apt-get install -y --no-install-recommends nginx-light \
    && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/default /etc/nginx/conf.d/* \
    && ln -sf /dev/stdout /var/log/nginx/access.log \
    && ln -sf /dev/stderr /var/log/nginx/error.log

COPY nginx.conf /etc/nginx/nginx.conf
COPY start.sh /usr/local/bin/nps-web-ui-start
COPY site/ /usr/share/nps-web-ui/

# www-data, by number so the engine needs no passwd lookup (and tmpfs owners in the compose file match).
USER 33:33
EXPOSE 8443 8080
# bash's /dev/tcp makes the probe without curl or wget in the image.
HEALTHCHECK --interval=5s --timeout=3s --retries=3 --start-period=10s \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8081 && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q ' 200 ' <&3"]
STOPSIGNAL SIGQUIT
ENTRYPOINT ["nps-web-ui-start"]
