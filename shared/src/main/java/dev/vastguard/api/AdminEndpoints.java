package dev.vastguard.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vastguard.admin.AdminRequestException;
import dev.vastguard.admin.AdminService;
import dev.vastguard.audit.AuditPage;
import dev.vastguard.principal.CallerArn;
import dev.vastguard.principal.Principal;
import dev.vastguard.principal.Role;
import dev.vastguard.report.ReportDownloads;
import dev.vastguard.report.ReportMonths;
import dev.vastguard.team.Team;
import dev.vastguard.team.TeamId;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** The admin endpoints: teams and policies, principals, reports and the audit log. */
final class AdminEndpoints implements ApiRouter.Endpoints {

    private static final Pattern MONTH = Pattern.compile("^[0-9]{4}-(0[1-9]|1[0-2])$");
    /** IAM names and paths use letters, digits and {@code +=,.@_-}; a path ends in a name, not a slash. */
    private static final Pattern ARN =
            Pattern.compile("^arn:[a-z-]+:(iam|sts)::[0-9]{12}:[A-Za-z0-9+=,.@_/-]{1,1900}(?<!/)$");

    private static final int MAX_TOKEN_LENGTH = 4096;

    private final AdminService admin;

    AdminEndpoints(AdminService admin) {
        this.admin = admin;
    }

    @Override
    public ApiResponse handle(Routes.Route route, ApiRequest request, Principal caller) {
        String principal = request.callerArn().orElse(caller.arn());
        return translated(() -> switch (route.key()) {
            case "GET /teams" -> listTeams(request);
            case "GET /teams/{team}" -> getTeam(request);
            case "PUT /teams/{team}" -> putTeam(request, principal);
            case "PUT /principals" -> putPrincipal(request, principal);
            case "DELETE /principals" -> deletePrincipal(request, principal);
            case "POST /reports" -> writeReports(request);
            case "GET /reports" -> reportDownloads(request);
            case "GET /audit" -> audit(request);
            default -> throw ApiException.notFound("no route " + route.key() + " in the admin API");
        });
    }

    private static ApiResponse translated(Supplier<ApiResponse> endpoint) {
        try {
            return endpoint.get();
        } catch (AdminRequestException e) {
            throw e.isConflict()
                    ? new ApiException(409, "invalid_state", e.getMessage())
                    : ApiException.invalid(e.getMessage());
        }
    }

    private ApiResponse listTeams(ApiRequest request) {
        Query.of(request, Set.of());
        ArrayNode teams = Json.newArray();
        admin.teams().forEach(team -> teams.add(Views.team(team, admin.stateNow(team))));
        ObjectNode body = Json.newObject();
        body.set("teams", teams);
        return ApiResponse.json(200, Json.write(body));
    }

    private ApiResponse getTeam(ApiRequest request) {
        Query.of(request, Set.of());
        TeamId id = teamId(request.pathParameters().getOrDefault("team", ""));
        Team team = admin.team(id).orElseThrow(() -> ApiException.notFound("no team '" + id + "'"));
        return teamResponse(team);
    }

    private ApiResponse putTeam(ApiRequest request, String principal) {
        Query.of(request, Set.of());
        TeamId id = teamId(request.pathParameters().getOrDefault("team", ""));
        return teamResponse(admin.putPolicy(id, PolicyReader.read(Json.object(request.body())), principal));
    }

    private ApiResponse teamResponse(Team team) {
        ObjectNode body = Json.newObject();
        body.set("team", Views.team(team, admin.stateNow(team)));
        return ApiResponse.json(200, Json.write(body));
    }

    private ApiResponse putPrincipal(ApiRequest request, String principal) {
        Query.of(request, Set.of());
        Fields fields = Fields.of(Json.object(request.body()), Set.of("arn", "role", "team"));
        String arn = registeredArn(fields.requiredString("arn"));
        String roleName = fields.requiredString("role");
        Role role = Role.fromWireName(roleName)
                .orElseThrow(() -> ApiException.invalid("'role' must be \"member\", \"admin\" or \"finance\""));
        Optional<TeamId> team = fields.string("team").map(AdminEndpoints::teamId);
        if (role == Role.MEMBER && team.isEmpty()) {
            throw ApiException.invalid("a member needs 'team': the team it works for");
        }
        if (role != Role.MEMBER && team.isPresent()) {
            throw ApiException.invalid("an " + role.wireName() + " principal has no 'team'; leave it out");
        }
        Principal stored = admin.putPrincipal(new Principal(arn, role, team), principal);
        ObjectNode body = Json.newObject();
        body.set("principal", Views.principal(stored));
        return ApiResponse.json(200, Json.write(body));
    }

    private ApiResponse deletePrincipal(ApiRequest request, String principal) {
        String arn = registeredArn(Query.of(request, Set.of("arn")).required("arn", "the principal's IAM ARN"));
        if (!admin.deletePrincipal(arn, principal)) {
            throw ApiException.notFound("no principal '" + arn + "'");
        }
        return ApiResponse.noContent();
    }

    private ApiResponse writeReports(ApiRequest request) {
        Query.of(request, Set.of());
        Fields fields = Fields.of(Json.object(request.body()), Set.of("month"));
        return downloads(admin.writeReports(month("'month'", fields.requiredString("month"))));
    }

    private ApiResponse reportDownloads(ApiRequest request) {
        Query query = Query.of(request, Set.of("month"));
        YearMonth month = month("query parameter 'month'", query.required("month", "a month such as 2026-11"));
        return downloads(admin.reportDownloads(month)
                .orElseThrow(() -> ApiException.notFound("no reports for " + month
                        + " yet; POST /reports with {\"month\":\"" + month + "\"} writes them")));
    }

    /** The files with their keys (as before download URLs existed) and, beside them, the URLs. */
    private static ApiResponse downloads(ReportDownloads downloads) {
        ObjectNode body = Json.newObject();
        body.put("bucket", downloads.bucket());
        ArrayNode keys = body.putArray("keys");
        downloads.files().forEach(file -> keys.add(file.key()));
        ArrayNode files = body.putArray("downloads");
        downloads.files().forEach(file -> {
            ObjectNode item = files.addObject();
            item.put("key", file.key());
            item.put("url", file.url().toString());
        });
        body.put("expires_at", downloads.expiresAt().toString());
        return ApiResponse.json(200, Json.write(body));
    }

    private ApiResponse audit(ApiRequest request) {
        Query query = Query.of(request, Set.of("month", "team", "next_token"));
        YearMonth month = month("query parameter 'month'", query.required("month", "a month such as 2026-11"));
        Optional<TeamId> team = query.string("team").map(AdminEndpoints::teamId);
        Optional<String> token = query.string("next_token");
        if (token.isPresent() && token.get().length() > MAX_TOKEN_LENGTH) {
            throw ApiException.invalid("'next_token' is not a token this API issued");
        }
        AuditPage page = admin.audit(month, team, token);
        ArrayNode events = Json.newArray();
        page.events().stream().map(Views::event).forEach(events::add);
        ObjectNode body = Json.newObject();
        body.set("events", events);
        body.put("next_token", page.nextToken().orElse(null));
        return ApiResponse.json(200, Json.write(body));
    }

    private static TeamId teamId(String raw) {
        if (!TeamId.isValid(raw)) {
            throw ApiException.invalid("team ids are 2 to 63 lower-case letters, digits and hyphens, not starting"
                    + " with a hyphen (^[a-z0-9][a-z0-9-]{1,62}$)");
        }
        return TeamId.of(raw);
    }

    private static YearMonth month(String what, String raw) {
        if (!MONTH.matcher(raw).matches()) {
            throw ApiException.invalid(what + " must be a month written YYYY-MM, for example 2026-11");
        }
        YearMonth month = YearMonth.parse(raw);
        if (month.isBefore(ReportMonths.FIRST)) {
            throw ApiException.invalid(
                    what + " must be " + ReportMonths.FIRST + " or later; vastguard holds nothing" + " older");
        }
        return month;
    }

    private static String registeredArn(String raw) {
        if (!ARN.matcher(raw).matches()) {
            throw ApiException.invalid(
                    "'arn' must be an IAM role or user ARN such as" + " arn:aws:iam::123456789012:role/data-science");
        }
        return CallerArn.registeredForm(raw).orElse(raw);
    }
}
