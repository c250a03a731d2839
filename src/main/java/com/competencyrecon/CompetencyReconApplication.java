package com.competencyrecon;

import com.competencyrecon.catalog.CatalogException;
import com.competencyrecon.cli.CommandLine;
import com.competencyrecon.schedule.JobDescriptorException;
import com.competencyrecon.system.MetricsPush;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CompetencyReconApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context;
        try {
            SpringApplication application = new SpringApplication(CompetencyReconApplication.class);
            if (oneShot(args)) {
                // A night or a command runs and exits: no HTTP port is opened for it.
                application.setWebApplicationType(WebApplicationType.NONE);
                // Its log goes to standard error, so what it prints (runs --output=json) can be piped.
                application.setDefaultProperties(java.util.Map.of("recon.console-target", "System.err"));
            }
            context = application.run(args);
        } catch (RuntimeException e) {
            String refusal = refusal(e);
            if (refusal == null) {
                throw e;
            }
            // A catalogue or schedule that cannot be used is a refusal, like a bad parameter.
            System.err.println("competency-recon: " + refusal);
            System.exit(CommandLine.REFUSED);
            return;
        }
        if (context.getBean(CommandLine.class).oneShot()) {
            // Nobody scrapes a process that is about to exit: its night's metrics go to the gateway, if one is set.
            context.getBean(MetricsPush.class).push();
            System.exit(SpringApplication.exit(context));
        }
    }

    /** Whether the arguments ask for one night, the sample nights or one command rather than the service. */
    static boolean oneShot(String[] args) {
        java.util.List<String> command = CommandLine.commandArguments(args);
        if (!command.isEmpty() && !command.get(0).equals("serve")) {
            return true;
        }
        for (String arg : args) {
            if (arg.equals("--recon.command=serve")) {
                return false;
            }
            if (arg.startsWith("--spring.batch.job.name=") || arg.startsWith("--recon.command=")
                    || arg.startsWith("--recon.nights=")) {
                return true;
            }
        }
        return System.getProperty("spring.batch.job.name") != null || System.getenv("SPRING_BATCH_JOB_NAME") != null
                || System.getProperty("recon.command") != null || System.getenv("RECON_COMMAND") != null;
    }

    /** The message of a configuration the program refuses to start with, or null for any other failure. */
    public static String refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CatalogException || t instanceof JobDescriptorException) {
                return t.getMessage();
            }
        }
        return null;
    }
}
