# One image recipe for every part of the stack, built from the source: no JDK or Maven on the host.
#   docker compose up --build            builds each service with its MODULE (docker-compose.yml)
#   docker build --build-arg MODULE=peering-service -t peering-service .
#   docker build --build-arg MODULE=local-stack --target keys -t peering-keys .
# Stage "build" compiles MODULE and the modules it needs (tests are CI's job, not the image's); the last
# stage, "service", runs a Quarkus module (a service or the gateway); "keys" runs the local-stack launcher's
# keys and token commands, which make the signing key pair and mint tokens.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
ARG MODULE
RUN test -n "$MODULE" || { echo "set --build-arg MODULE=<module>" >&2; exit 1; }
RUN mvn -B -ntp -q -DskipTests package -pl "$MODULE" -am

FROM eclipse-temurin:17-jre AS keys
COPY --from=build /src/local-stack/target/local-stack.jar /app/local-stack.jar
COPY --from=build /src/local-stack/target/lib/ /app/lib/
WORKDIR /app
ENTRYPOINT ["java", "-jar", "/app/local-stack.jar"]
CMD ["keys", "--data-dir", "/data"]

FROM eclipse-temurin:17-jre AS service
ARG MODULE
COPY --from=build /src/${MODULE}/target/quarkus-app/ /deployments/
WORKDIR /deployments
USER 185
# The C1 compiler and a small heap, as the local stack runs the services (README, "JIT choice").
ENV JAVA_OPTS="-Xmx256m -Xms32m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -Dquarkus.http.host=0.0.0.0 -jar /deployments/quarkus-run.jar"]
