FROM nginx:1.28

COPY linux.png /usr/share/nginx/html
COPY index.html /usr/share/nginx/html

EXPOSE 80 443

CMD ["nginx", "-g", "daemon off;"]
