package cn.imtp.lms.attendance.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * At deployment, once the schema is migrated and before any beat is taken: the chains whose records were all
 * written before there was a chain key are sealed ({@link ChainAudit#sealUnkeyedChains}). Idempotent: a chain
 * is sealed once, and several nodes starting together seal it once.
 */
@Startup
@Singleton
@DependsOn("SchemaStartup")
public class ChainSealing {

    private static final Logger LOG = Logger.getLogger(ChainSealing.class.getName());

    @Inject
    ChainAudit audit;

    @PostConstruct
    void seal() {
        int sealed = audit.sealUnkeyedChains();
        if (sealed > 0) {
            LOG.info(() -> "Sealed the records of " + sealed + " attendance chains written before the chain key");
        }
    }
}
