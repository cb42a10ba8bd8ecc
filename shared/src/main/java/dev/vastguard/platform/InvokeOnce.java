package dev.vastguard.platform;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Lambda handler from its deployment jar with one event, as the Lambda runtime would, and prints the
 * handler's answer as JSON on standard output:
 *
 * <pre>{@code java -cp vastguard-api-lambda.jar dev.vastguard.platform.InvokeOnce \
 *     dev.vastguard.function.api.TeamApiHandler events/api-get-budget-member.json}</pre>
 *
 * <p>The handler is built with its no-argument constructor, so it reads its configuration from the environment
 * exactly as in AWS. It shows that a shaded jar runs on its own, with nothing else on the class path and without SAM
 * or Docker. Exits 2 on a usage error and 1 if the handler fails.
 */
public final class InvokeOnce {

    private static final Logger LOG = LoggerFactory.getLogger(InvokeOnce.class);

    private InvokeOnce() {}

    /**
     * Invokes the handler.
     *
     * @param args the handler's class name and the path of a JSON event
     * @throws Exception if the event cannot be read
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            LOG.error("usage: InvokeOnce <handler class> <event.json>");
            System.exit(2);
        }
        ObjectMapper json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        Class<?> handlerClass = Class.forName(args[0]);
        Object handler = handlerClass.getDeclaredConstructor().newInstance();
        Method handle = handleRequest(handlerClass);
        Object event = json.readValue(Files.readAllBytes(Path.of(args[1])), handle.getParameterTypes()[0]);
        Object answer;
        try {
            answer = handle.invoke(handler, event, new OutsideLambdaContext(handlerClass.getSimpleName()));
        } catch (InvocationTargetException e) {
            LOG.error("handler {} failed: {}", args[0], e.getCause().toString());
            System.exit(1);
            return;
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println(json.writeValueAsString(answer));
    }

    /** The handler's own {@code handleRequest}, not the bridge method the compiler adds for the interface. */
    private static Method handleRequest(Class<?> handlerClass) {
        return Arrays.stream(handlerClass.getMethods())
                .filter(m -> m.getName().equals("handleRequest") && m.getParameterCount() == 2)
                .filter(m -> !m.isBridge())
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException(handlerClass + " has no handleRequest(event, context)"));
    }
}
