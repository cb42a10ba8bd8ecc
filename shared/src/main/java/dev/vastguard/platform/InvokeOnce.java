package dev.vastguard.platform;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
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
import java.util.UUID;
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
            answer = handle.invoke(handler, event, new OneShotContext(handlerClass.getSimpleName()));
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

    /** The context of one invocation outside Lambda: a fresh request id and the log for the runtime's logger. */
    private record OneShotContext(String functionName) implements Context {

        private static final String REQUEST_ID = UUID.randomUUID().toString();

        @Override
        public String getAwsRequestId() {
            return REQUEST_ID;
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/" + functionName;
        }

        @Override
        public String getLogStreamName() {
            return "invoke-once";
        }

        @Override
        public String getFunctionName() {
            return functionName;
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:local:000000000000:function:" + functionName;
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 30_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    LOG.info(message);
                }

                @Override
                public void log(byte[] message) {
                    LOG.info(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }
}
