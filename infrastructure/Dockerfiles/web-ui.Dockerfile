# web-ui stand-in: nginx from Debian serving a static page that shows Oracle readings through
# the api, with /api/ proxied to the api service. Build context: infrastructure/web-ui.
FROM debian:bookworm-slim

# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends nginx-light \
    && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/default \
    && ln -sf /dev/stdout /var/log/nginx/access.log \
    && ln -sf /dev/stderr /var/log/nginx/error.log

COPY nginx.conf /etc/nginx/conf.d/nps-web-ui.conf
COPY site/ /usr/share/nps-web-ui/

EXPOSE 80
# bash's /dev/tcp makes the probe without curl or wget in the image.
HEALTHCHECK --interval=5s --timeout=3s --retries=3 --start-period=10s \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/80 && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q ' 200 ' <&3"]
STOPSIGNAL SIGQUIT
ENTRYPOINT ["nginx", "-g", "daemon off;"]
