/**
 * The server API, generated from its OpenAPI document by `npm run gen:api -w packages/web`.
 * Do not edit: a test fails when this file differs from what the server describes.
 */

export interface paths {
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: the process is up */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              status: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/readyz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: the database answers and its migrations are at the latest */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              status: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in with e-mail and password (and the tenant when the e-mail has accounts in several); sets the session cookie */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
            password: string;
            tenantId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                id: string;
                name: string;
                tenantId: string;
                roles: {
                  id: string;
                  name: string;
                }[];
              };
              mfaRequired?: boolean;
              mfaEnrolmentRequired?: boolean;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out: ends the session and clears the cookie */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/password/set': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set a password with a one-time link (invitation or reset): the link is used up and the sessions of the user end */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              email: string;
              tenantId: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change your password (the current one required): your other sessions end and this one is renewed */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            currentPassword: string;
            newPassword: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              sessionsEnded: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your sessions: where and when each started and was last used, which is this one */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description The public id of the session (not its secret) */
                id: string;
                createdAt: string;
                lastSeenAt: string;
                expiresAt: string;
                userAgent: string | null;
                ip: string | null;
                current: boolean;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Sign out everywhere: every one of your sessions ends, this one included */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ended: number;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/sessions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** End one of your sessions (this one too: then you are signed out) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user, roles, function permissions, locale and MFA state */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                id: string;
                name: string;
                tenantId: string;
                kind: string;
                departmentId: string | null;
                clearance?: string;
              };
              roles: {
                id: string;
                name: string;
              }[];
              functions: string[];
              locale: string;
              policyVersion?: number;
              mfa?: {
                enabled: boolean;
                verified: boolean;
                verifiedAt?: string | null;
                required: boolean;
              };
              /** @description Present when the request is served as another user (`x-custos-view-as`): who is viewing. `user`, `roles` and `functions` are then the viewed user's; `mfa` is left out. */
              viewAs?: {
                actorId: string;
                actorName: string | null;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/authz/check': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Decide a batch of (subject, action, object, record) checks */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            items: {
              /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
              subject: string;
              /** @enum {string} */
              action: 'read' | 'update' | 'delete' | 'create' | 'transfer' | 'share' | 'export';
              /** @enum {string} */
              object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
              /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
              recordId: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              results: {
                allowed: boolean;
                reason: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/authz/explain': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Explain one decision: every path that allowed it, or the rule that denied it */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            subject: string;
            /** @enum {string} */
            action: 'read' | 'update' | 'delete' | 'create' | 'transfer' | 'share' | 'export';
            /** @enum {string} */
            object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            recordId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              allowed: boolean;
              principalId?: string;
              action?: string;
              object?: string;
              recordId?: string;
              allowedBy: {
                [key: string]: unknown;
              }[];
              deniedBy: {
                [key: string]: unknown;
              } | null;
              text: {
                'zh-CN'?: string;
                'en-US'?: string;
              };
              sentence: string;
              locale: string;
              policyVersion?: number;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/authz/lookup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The ids of the records a subject may act on, ordered by id, paginated */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            subject: string;
            /** @enum {string} */
            action: 'read' | 'update' | 'delete' | 'create' | 'transfer' | 'share' | 'export';
            /** @enum {string} */
            object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
            /** @default 100 */
            limit?: number;
            cursor?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ids: string[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/departments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List departments */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description The nextCursor of the previous page (opaque) */
          cursor?: string;
          /** @description Name contains, case-insensitive (a grant, which has no name: its id) */
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown[];
              version: number;
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Create a department */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            id?: string;
            name: string;
            parentId: string | null;
            /** @description 部门负责人 */
            headId?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/departments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a department */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete an empty department */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/departments/{id}/name': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Rename a department */
    put: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/departments/{id}/parent': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Move a department under another parent */
    put: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            parentId: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/departments/{id}/head': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set the head of a department (部门负责人) */
    put: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            headId: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List users */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description The nextCursor of the previous page (opaque) */
          cursor?: string;
          /** @description Name contains, case-insensitive (a grant, which has no name: its id) */
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown[];
              version: number;
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Create an internal user (with `email`: an invitation link too) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            id?: string;
            name: string;
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            departmentId: string;
            /** @description 汇报对象 */
            managerId?: string | null;
            roleIds?: string[];
            /** @enum {string} */
            clearance?: 'public' | 'internal' | 'confidential' | 'restricted';
            /** @description 职位 (e.g. 销售代表): with the department, picks the onboarding template */
            title?: string | null;
            /** @description Start from the onboarding template of the department and title: its roles, clearance and groups (roles and clearance given here take precedence) */
            applyTemplate?: boolean;
            /** @description The sign-in e-mail (unique in the tenant, case-insensitively): the answer carries a one-time set-password link */
            email?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
              invitation?: {
                userId: string;
                email: string;
                /** @enum {string} */
                purpose: 'invite' | 'reset';
                /** @description One-time set-password link (also in the outbox) */
                link: string;
                expiresAt: string;
              };
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a user */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Update a user's name, roles or clearance */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            roleIds?: string[];
            /** @enum {string} */
            clearance?: 'public' | 'internal' | 'confidential' | 'restricted';
            /** @description 职位 (e.g. 销售代表): with the department, picks the onboarding template */
            title?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/admin/users/{id}/transfer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Transfer a user to another department (optionally a new manager); access follows at once */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            departmentId: string;
            /** @description 汇报对象 */
            managerId?: string | null;
            /**
             * @description What happens to the records the user owns (acted on by the CRM module)
             * @default keep
             * @enum {string}
             */
            ownedRecords?: 'keep' | 'transfer_to';
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            transferToUserId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/users/{id}/manager': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change a user's manager (汇报对象) */
    put: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description 汇报对象 */
            managerId: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/users/{id}/deactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Deactivate a user (suspended or departed): denied from the next request */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @default suspended
             * @enum {string}
             */
            status?: 'suspended' | 'departed';
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/users/{id}/reactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reactivate a user */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/users/{id}/transfer/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Preview a transfer: the records that move, what the user may read and edit per object before and after, everyone whose access changes */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            departmentId: string;
            /** @description 汇报对象 */
            managerId?: string | null;
            /**
             * @description What happens to the records the user owns (acted on by the CRM module)
             * @default keep
             * @enum {string}
             */
            ownedRecords?: 'keep' | 'transfer_to';
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            transferToUserId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version?: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/users/{id}/offboard/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Preview offboarding: the records to hand over, teams, grants, groups, positions needing a new holder, sessions and tokens; valid or every error */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            successorId?: string;
            /** @description Per customer: who takes it, with every record under it the leaver owns */
            customers?: {
              /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
              customerId: string;
              /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
              successorId: string;
            }[];
            /** @description A new head for each department the leaver heads */
            departmentHeads?: {
              /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
              departmentId: string;
              /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
              headId: string;
            }[];
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            newManagerId?: string;
            /** @description A new manager per report (overrides newManagerId for that report) */
            managers?: {
              /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
              userId: string;
              /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
              managerId: string;
            }[];
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version?: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/users/{id}/offboard': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Offboard a user in one transaction: new holders for their positions, records handed to successors, teams, groups and grants removed, the account departed with sessions ended and tokens revoked */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            successorId?: string;
            /** @description Per customer: who takes it, with every record under it the leaver owns */
            customers?: {
              /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
              customerId: string;
              /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
              successorId: string;
            }[];
            /** @description A new head for each department the leaver heads */
            departmentHeads?: {
              /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
              departmentId: string;
              /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
              headId: string;
            }[];
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            newManagerId?: string;
            /** @description A new manager per report (overrides newManagerId for that report) */
            managers?: {
              /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
              userId: string;
              /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
              managerId: string;
            }[];
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version?: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/onboarding-templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List onboarding templates */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/onboarding-templates/match': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The onboarding template for a department and title (null when none) */
    get: {
      parameters: {
        query: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          departmentId: string;
          title: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/onboarding-templates/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Create or replace an onboarding template (checked against the catalogue) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            departmentId: string;
            title: string;
            roleIds: string[];
            /** @enum {string} */
            clearance: 'public' | 'internal' | 'confidential' | 'restricted';
            groupIds?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    post?: never;
    /** Delete an onboarding template */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List groups */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description The nextCursor of the previous page (opaque) */
          cursor?: string;
          /** @description Name contains, case-insensitive (a grant, which has no name: its id) */
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown[];
              version: number;
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Create a group */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json':
            | {
                /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                id?: string;
                name: string;
                /** @enum {string} */
                kind: 'department';
                /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                departmentId: string;
                /** @description Include users of every department below */
                includeSubdepartments?: boolean;
              }
            | {
                /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                id?: string;
                name: string;
                /** @enum {string} */
                kind: 'role';
                /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                roleId: string;
              }
            | {
                /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                id?: string;
                name: string;
                /** @enum {string} */
                kind: 'public';
                userIds?: string[];
                groupIds?: string[];
              };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/groups/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a group */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    /** Replace a group */
    put: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json':
            | {
                /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                id?: string;
                name: string;
                /** @enum {string} */
                kind: 'department';
                /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                departmentId: string;
                /** @description Include users of every department below */
                includeSubdepartments?: boolean;
              }
            | {
                /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                id?: string;
                name: string;
                /** @enum {string} */
                kind: 'role';
                /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                roleId: string;
              }
            | {
                /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                id?: string;
                name: string;
                /** @enum {string} */
                kind: 'public';
                userIds?: string[];
                groupIds?: string[];
              };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    post?: never;
    /** Delete a group nothing refers to */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/groups/{id}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a user or a nested group to a public group */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            kind: 'user' | 'group';
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            id: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/groups/{id}/members/{memberKind}/{memberId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a member from a public group */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
          memberKind: 'user' | 'group';
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          memberId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/roles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List roles */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description The nextCursor of the previous page (opaque) */
          cursor?: string;
          /** @description Name contains, case-insensitive (a grant, which has no name: its id) */
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown[];
              version: number;
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Create a role */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            id?: string;
            name: string;
            objects?: {
              customer?: {
                /** @enum {string} */
                read?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                update?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                delete?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                create?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                transfer?:
                  'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                share?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                export?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
              };
              contact?: {
                /** @enum {string} */
                read?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                update?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                delete?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                create?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                transfer?:
                  'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                share?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                export?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
              };
              deal?: {
                /** @enum {string} */
                read?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                update?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                delete?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                create?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                transfer?:
                  'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                share?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                export?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
              };
              order?: {
                /** @enum {string} */
                read?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                update?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                delete?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                create?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                transfer?:
                  'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                share?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                export?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
              };
              ticket?: {
                /** @enum {string} */
                read?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                update?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                delete?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                create?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                transfer?:
                  'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                share?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                export?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
              };
              activity?: {
                /** @enum {string} */
                read?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                update?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                delete?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                create?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                transfer?:
                  'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                share?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                export?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
              };
            };
            functions?: string[];
            fields?: {
              customer?: {
                [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
              };
              contact?: {
                [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
              };
              deal?: {
                [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
              };
              order?: {
                [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
              };
              ticket?: {
                [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
              };
              activity?: {
                [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
              };
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/roles/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a role */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a role no user holds */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a role: name, object permissions, function permissions, field permissions */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            objects?: {
              customer?: {
                /** @enum {string} */
                read?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                update?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                delete?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                create?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                transfer?:
                  'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                share?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                export?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
              };
              contact?: {
                /** @enum {string} */
                read?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                update?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                delete?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                create?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                transfer?:
                  'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                share?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                export?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
              };
              deal?: {
                /** @enum {string} */
                read?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                update?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                delete?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                create?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                transfer?:
                  'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                share?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                export?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
              };
              order?: {
                /** @enum {string} */
                read?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                update?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                delete?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                create?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                transfer?:
                  'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                share?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                export?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
              };
              ticket?: {
                /** @enum {string} */
                read?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                update?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                delete?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                create?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                transfer?:
                  'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                share?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                export?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
              };
              activity?: {
                /** @enum {string} */
                read?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                update?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                delete?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                create?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                transfer?:
                  'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                share?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                /** @enum {string} */
                export?: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
              };
            };
            functions?: string[];
            fields?: {
              customer?: {
                [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
              };
              contact?: {
                [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
              };
              deal?: {
                [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
              };
              order?: {
                [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
              };
              ticket?: {
                [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
              };
              activity?: {
                [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
              };
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/admin/functions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the function permissions a role may name (the function catalogue) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                name: string;
                admin: boolean;
                description: {
                  'zh-CN': string;
                  'en-US': string;
                };
                held: boolean;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/objects': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List object settings */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/objects/{object}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get an object's settings */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/objects/{object}/org-wide-default': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set an object's org-wide default */
    put: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path: {
          object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description 基础数据权限
             * @enum {string}
             */
            orgWideDefault: 'private' | 'public_read' | 'public_read_write';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/objects/{object}/fields/{field}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set a field's settings (sensitivity, mask, internal, label) */
    put: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path: {
          object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
          /** @description a field name (a letter or _, then letters, digits or _; at most 64 characters) */
          field: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description Field sensitivity: above the reader's clearance the field is hidden
             * @enum {string}
             */
            sensitivity?: 'public' | 'internal' | 'confidential' | 'restricted';
            /**
             * @description How a masked value of this field is shown
             * @enum {string}
             */
            mask?: 'phone' | 'email' | 'id_number' | 'bank_account' | 'name' | 'text';
            /** @description Internal-only field (内部备注): never shown to portal users */
            internal?: boolean;
            /** @description Stored encrypted at rest (存储加密, AES-256-GCM under the tenant data key): decrypted only for callers who read it in clear; exact-match search through a blind index */
            encrypted?: boolean;
            /** @description Human label, for explanations and the console */
            label?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    post?: never;
    /** Remove a field's settings */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path: {
          object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
          /** @description a field name (a letter or _, then letters, digits or _; at most 64 characters) */
          field: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/sharing-rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List sharing rules */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description The nextCursor of the previous page (opaque) */
          cursor?: string;
          /** @description Name contains, case-insensitive (a grant, which has no name: its id) */
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown[];
              version: number;
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Create a sharing rule */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            id?: string;
            name: string;
            /** @enum {string} */
            object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
            source:
              | {
                  /** @enum {string} */
                  kind: 'criteria';
                  criteria: (
                    | {
                        /** @description a field name (a letter or _, then letters, digits or _; at most 64 characters) */
                        field: string;
                        /** @enum {string} */
                        op: 'eq' | 'ne' | 'lt' | 'gt';
                        value: string | number | boolean;
                      }
                    | {
                        /** @description a field name (a letter or _, then letters, digits or _; at most 64 characters) */
                        field: string;
                        /** @enum {string} */
                        op: 'in';
                        values: (string | number | boolean)[];
                      }
                    | {
                        /** @description a field name (a letter or _, then letters, digits or _; at most 64 characters) */
                        field: string;
                        /** @enum {string} */
                        op: 'between';
                        low: number | string;
                        high: number | string;
                      }
                  )[];
                }
              | {
                  /** @enum {string} */
                  kind: 'owner';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  ownerGroupId: string;
                };
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            targetGroupId: string;
            /** @enum {string} */
            access: 'read' | 'edit';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/sharing-rules/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a sharing rule */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    /** Replace a sharing rule */
    put: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            id?: string;
            name: string;
            /** @enum {string} */
            object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
            source:
              | {
                  /** @enum {string} */
                  kind: 'criteria';
                  criteria: (
                    | {
                        /** @description a field name (a letter or _, then letters, digits or _; at most 64 characters) */
                        field: string;
                        /** @enum {string} */
                        op: 'eq' | 'ne' | 'lt' | 'gt';
                        value: string | number | boolean;
                      }
                    | {
                        /** @description a field name (a letter or _, then letters, digits or _; at most 64 characters) */
                        field: string;
                        /** @enum {string} */
                        op: 'in';
                        values: (string | number | boolean)[];
                      }
                    | {
                        /** @description a field name (a letter or _, then letters, digits or _; at most 64 characters) */
                        field: string;
                        /** @enum {string} */
                        op: 'between';
                        low: number | string;
                        high: number | string;
                      }
                  )[];
                }
              | {
                  /** @enum {string} */
                  kind: 'owner';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  ownerGroupId: string;
                };
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            targetGroupId: string;
            /** @enum {string} */
            access: 'read' | 'edit';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    post?: never;
    /** Delete a sharing rule */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/grants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List grants (policy grants and grants on one record), in id order */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description The nextCursor of the previous page (opaque) */
          cursor?: string;
          /** @description Name contains, case-insensitive (a grant, which has no name: its id) */
          q?: string;
          object?: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
          /** @description Only the grants on this record (with `object`) */
          recordId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown[];
              version: number;
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Create a grant */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            id?: string;
            subject:
              | {
                  /** @enum {string} */
                  kind: 'user';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  userId: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'group';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  groupId: string;
                };
            /** @enum {string} */
            object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
            target:
              | {
                  /** @enum {string} */
                  kind: 'record';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  recordId: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'department';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  departmentId: string;
                  includeSubdepartments?: boolean;
                }
              | {
                  /** @enum {string} */
                  kind: 'owner';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  userId: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'all';
                };
            /** @enum {string} */
            access: 'read' | 'edit' | 'manage';
            /** @description Effective from (inclusive): ms since the epoch or an ISO 8601 date-time; null = now */
            startsAt?: (number | string) | null;
            /** @description Expires at (exclusive): ms since the epoch or an ISO 8601 date-time; null = never. An end already past is refused. */
            expiresAt: (number | string) | null;
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/grants/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a grant */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Revoke a grant (optionally with a reason, kept in the audit) */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/changes/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Preview a change or a batch: validity and impact, nothing committed */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            changes: (
              | {
                  /** @enum {string} */
                  kind: 'department.create';
                  department: {
                    /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                    id: string;
                    name: string;
                    parentId: string | null;
                    /** @description 部门负责人 */
                    headId?: string | null;
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'department.rename';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                  name: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'department.move';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                  parentId: string | null;
                }
              | {
                  /** @enum {string} */
                  kind: 'department.set_head';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                  headId: string | null;
                }
              | {
                  /** @enum {string} */
                  kind: 'department.delete';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'user.create';
                  user: {
                    /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                    id: string;
                    name: string;
                    /** @enum {string} */
                    kind: 'internal' | 'portal';
                    /** @enum {string} */
                    status: 'active' | 'suspended' | 'departed';
                    departmentId: string | null;
                    /** @description 汇报对象 */
                    managerId: string | null;
                    roleIds: string[];
                    /** @enum {string} */
                    clearance: 'public' | 'internal' | 'confidential' | 'restricted';
                    /** @description For portal users: the customer (account) they belong to */
                    portalAccountId?: string | null;
                    /** @description 职位 (e.g. 销售代表): with the department, picks the onboarding template */
                    title?: string | null;
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'user.update';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                  name?: string;
                  roleIds?: string[];
                  /** @enum {string} */
                  clearance?: 'public' | 'internal' | 'confidential' | 'restricted';
                  /** @description 职位 (e.g. 销售代表): with the department, picks the onboarding template */
                  title?: string | null;
                }
              | {
                  /** @enum {string} */
                  kind: 'user.transfer';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  departmentId: string;
                  /** @description The new manager; absent = unchanged */
                  managerId?: string | null;
                  ownedRecords:
                    | {
                        /** @enum {string} */
                        mode: 'keep';
                      }
                    | {
                        /** @enum {string} */
                        mode: 'transfer_to';
                        /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                        userId: string;
                      };
                }
              | {
                  /** @enum {string} */
                  kind: 'user.set_manager';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                  managerId: string | null;
                }
              | {
                  /** @enum {string} */
                  kind: 'user.deactivate';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                  /** @enum {string} */
                  status: 'suspended' | 'departed';
                }
              | {
                  /** @enum {string} */
                  kind: 'user.reactivate';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'role.create';
                  role: {
                    /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                    id: string;
                    name: string;
                    objects: {
                      customer?: {
                        /** @enum {string} */
                        read?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        update?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        delete?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        create?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        transfer?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        share?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        export?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                      };
                      contact?: {
                        /** @enum {string} */
                        read?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        update?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        delete?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        create?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        transfer?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        share?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        export?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                      };
                      deal?: {
                        /** @enum {string} */
                        read?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        update?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        delete?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        create?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        transfer?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        share?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        export?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                      };
                      order?: {
                        /** @enum {string} */
                        read?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        update?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        delete?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        create?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        transfer?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        share?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        export?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                      };
                      ticket?: {
                        /** @enum {string} */
                        read?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        update?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        delete?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        create?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        transfer?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        share?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        export?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                      };
                      activity?: {
                        /** @enum {string} */
                        read?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        update?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        delete?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        create?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        transfer?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        share?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        export?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                      };
                    };
                    functions: string[];
                    fields: {
                      customer?: {
                        [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
                      };
                      contact?: {
                        [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
                      };
                      deal?: {
                        [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
                      };
                      order?: {
                        [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
                      };
                      ticket?: {
                        [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
                      };
                      activity?: {
                        [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
                      };
                    };
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'role.update';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                  name?: string;
                  objects?: {
                    customer?: {
                      /** @enum {string} */
                      read?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      update?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      delete?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      create?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      transfer?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      share?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      export?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                    };
                    contact?: {
                      /** @enum {string} */
                      read?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      update?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      delete?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      create?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      transfer?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      share?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      export?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                    };
                    deal?: {
                      /** @enum {string} */
                      read?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      update?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      delete?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      create?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      transfer?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      share?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      export?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                    };
                    order?: {
                      /** @enum {string} */
                      read?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      update?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      delete?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      create?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      transfer?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      share?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      export?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                    };
                    ticket?: {
                      /** @enum {string} */
                      read?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      update?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      delete?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      create?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      transfer?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      share?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      export?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                    };
                    activity?: {
                      /** @enum {string} */
                      read?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      update?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      delete?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      create?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      transfer?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      share?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      export?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                    };
                  };
                  functions?: string[];
                  fields?: {
                    customer?: {
                      [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
                    };
                    contact?: {
                      [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
                    };
                    deal?: {
                      [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
                    };
                    order?: {
                      [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
                    };
                    ticket?: {
                      [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
                    };
                    activity?: {
                      [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
                    };
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'role.delete';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'object.set_org_wide_default';
                  /** @enum {string} */
                  object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                  /**
                   * @description 基础数据权限
                   * @enum {string}
                   */
                  orgWideDefault: 'private' | 'public_read' | 'public_read_write';
                }
              | {
                  /** @enum {string} */
                  kind: 'object.set_field';
                  /** @enum {string} */
                  object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                  /** @description a field name (a letter or _, then letters, digits or _; at most 64 characters) */
                  field: string;
                  setting: {
                    /**
                     * @description Field sensitivity: above the reader's clearance the field is hidden
                     * @enum {string}
                     */
                    sensitivity?: 'public' | 'internal' | 'confidential' | 'restricted';
                    /**
                     * @description How a masked value of this field is shown
                     * @enum {string}
                     */
                    mask?: 'phone' | 'email' | 'id_number' | 'bank_account' | 'name' | 'text';
                    /** @description Internal-only field (内部备注): never shown to portal users */
                    internal?: boolean;
                    /** @description Stored encrypted at rest (存储加密, AES-256-GCM under the tenant data key): decrypted only for callers who read it in clear; exact-match search through a blind index */
                    encrypted?: boolean;
                    /** @description Human label, for explanations and the console */
                    label?: string;
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'object.remove_field';
                  /** @enum {string} */
                  object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                  /** @description a field name (a letter or _, then letters, digits or _; at most 64 characters) */
                  field: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'sharing_rule.create';
                  rule: {
                    /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                    id: string;
                    name: string;
                    /** @enum {string} */
                    object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                    source:
                      | {
                          /** @enum {string} */
                          kind: 'criteria';
                          criteria: (
                            | {
                                /** @description a field name (a letter or _, then letters, digits or _; at most 64 characters) */
                                field: string;
                                /** @enum {string} */
                                op: 'eq' | 'ne' | 'lt' | 'gt';
                                value: string | number | boolean;
                              }
                            | {
                                /** @description a field name (a letter or _, then letters, digits or _; at most 64 characters) */
                                field: string;
                                /** @enum {string} */
                                op: 'in';
                                values: (string | number | boolean)[];
                              }
                            | {
                                /** @description a field name (a letter or _, then letters, digits or _; at most 64 characters) */
                                field: string;
                                /** @enum {string} */
                                op: 'between';
                                low: number | string;
                                high: number | string;
                              }
                          )[];
                        }
                      | {
                          /** @enum {string} */
                          kind: 'owner';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          ownerGroupId: string;
                        };
                    /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                    targetGroupId: string;
                    /** @enum {string} */
                    access: 'read' | 'edit';
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'sharing_rule.update';
                  rule: {
                    /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                    id: string;
                    name: string;
                    /** @enum {string} */
                    object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                    source:
                      | {
                          /** @enum {string} */
                          kind: 'criteria';
                          criteria: (
                            | {
                                /** @description a field name (a letter or _, then letters, digits or _; at most 64 characters) */
                                field: string;
                                /** @enum {string} */
                                op: 'eq' | 'ne' | 'lt' | 'gt';
                                value: string | number | boolean;
                              }
                            | {
                                /** @description a field name (a letter or _, then letters, digits or _; at most 64 characters) */
                                field: string;
                                /** @enum {string} */
                                op: 'in';
                                values: (string | number | boolean)[];
                              }
                            | {
                                /** @description a field name (a letter or _, then letters, digits or _; at most 64 characters) */
                                field: string;
                                /** @enum {string} */
                                op: 'between';
                                low: number | string;
                                high: number | string;
                              }
                          )[];
                        }
                      | {
                          /** @enum {string} */
                          kind: 'owner';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          ownerGroupId: string;
                        };
                    /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                    targetGroupId: string;
                    /** @enum {string} */
                    access: 'read' | 'edit';
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'sharing_rule.delete';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'group.create';
                  group:
                    | {
                        /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: 'department';
                        /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                        departmentId: string;
                        /** @description Include users of every department below */
                        includeSubdepartments: boolean;
                      }
                    | {
                        /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: 'role';
                        /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                        roleId: string;
                      }
                    | {
                        /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: 'public';
                        userIds: string[];
                        groupIds: string[];
                      };
                }
              | {
                  /** @enum {string} */
                  kind: 'group.update';
                  group:
                    | {
                        /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: 'department';
                        /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                        departmentId: string;
                        /** @description Include users of every department below */
                        includeSubdepartments: boolean;
                      }
                    | {
                        /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: 'role';
                        /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                        roleId: string;
                      }
                    | {
                        /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: 'public';
                        userIds: string[];
                        groupIds: string[];
                      };
                }
              | {
                  /** @enum {string} */
                  kind: 'group.delete';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'group.add_member';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                  member: {
                    /** @enum {string} */
                    kind: 'user' | 'group';
                    /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                    id: string;
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'group.remove_member';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                  member: {
                    /** @enum {string} */
                    kind: 'user' | 'group';
                    /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                    id: string;
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'grant.create';
                  grant: {
                    /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                    id: string;
                    subject:
                      | {
                          /** @enum {string} */
                          kind: 'user';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          userId: string;
                        }
                      | {
                          /** @enum {string} */
                          kind: 'group';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          groupId: string;
                        };
                    /** @enum {string} */
                    object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                    target:
                      | {
                          /** @enum {string} */
                          kind: 'record';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          recordId: string;
                        }
                      | {
                          /** @enum {string} */
                          kind: 'department';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          departmentId: string;
                          includeSubdepartments: boolean;
                        }
                      | {
                          /** @enum {string} */
                          kind: 'owner';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          userId: string;
                        }
                      | {
                          /** @enum {string} */
                          kind: 'all';
                        };
                    /** @enum {string} */
                    access: 'read' | 'edit' | 'manage';
                    /** @description Effective from (inclusive): ms since the epoch or an ISO 8601 date-time; null = now */
                    startsAt?: (number | string) | null;
                    /** @description Expires at (exclusive): ms since the epoch or an ISO 8601 date-time; null = never. An end already past is refused. */
                    expiresAt: (number | string) | null;
                    reason?: string;
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'grant.revoke';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                  reason?: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'sod_rule.create';
                  rule: {
                    /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                    id: string;
                    name: string;
                    left:
                      | {
                          /** @enum {string} */
                          kind: 'object';
                          /** @enum {string} */
                          object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                          /** @enum {string} */
                          action:
                            | 'read'
                            | 'update'
                            | 'delete'
                            | 'create'
                            | 'transfer'
                            | 'share'
                            | 'export';
                        }
                      | {
                          /** @enum {string} */
                          kind: 'function';
                          /** @description a function permission (lowercase letters, digits and _; at most 64 characters) */
                          name: string;
                        }
                      | {
                          /** @enum {string} */
                          kind: 'role';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          roleId: string;
                        };
                    right:
                      | {
                          /** @enum {string} */
                          kind: 'object';
                          /** @enum {string} */
                          object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                          /** @enum {string} */
                          action:
                            | 'read'
                            | 'update'
                            | 'delete'
                            | 'create'
                            | 'transfer'
                            | 'share'
                            | 'export';
                        }
                      | {
                          /** @enum {string} */
                          kind: 'function';
                          /** @description a function permission (lowercase letters, digits and _; at most 64 characters) */
                          name: string;
                        }
                      | {
                          /** @enum {string} */
                          kind: 'role';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          roleId: string;
                        };
                    /** @description Further members: a set rule (at most one of all members) */
                    others?: (
                      | {
                          /** @enum {string} */
                          kind: 'object';
                          /** @enum {string} */
                          object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                          /** @enum {string} */
                          action:
                            | 'read'
                            | 'update'
                            | 'delete'
                            | 'create'
                            | 'transfer'
                            | 'share'
                            | 'export';
                        }
                      | {
                          /** @enum {string} */
                          kind: 'function';
                          /** @description a function permission (lowercase letters, digits and _; at most 64 characters) */
                          name: string;
                        }
                      | {
                          /** @enum {string} */
                          kind: 'role';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          roleId: string;
                        }
                    )[];
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'sod_rule.update';
                  rule: {
                    /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                    id: string;
                    name: string;
                    left:
                      | {
                          /** @enum {string} */
                          kind: 'object';
                          /** @enum {string} */
                          object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                          /** @enum {string} */
                          action:
                            | 'read'
                            | 'update'
                            | 'delete'
                            | 'create'
                            | 'transfer'
                            | 'share'
                            | 'export';
                        }
                      | {
                          /** @enum {string} */
                          kind: 'function';
                          /** @description a function permission (lowercase letters, digits and _; at most 64 characters) */
                          name: string;
                        }
                      | {
                          /** @enum {string} */
                          kind: 'role';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          roleId: string;
                        };
                    right:
                      | {
                          /** @enum {string} */
                          kind: 'object';
                          /** @enum {string} */
                          object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                          /** @enum {string} */
                          action:
                            | 'read'
                            | 'update'
                            | 'delete'
                            | 'create'
                            | 'transfer'
                            | 'share'
                            | 'export';
                        }
                      | {
                          /** @enum {string} */
                          kind: 'function';
                          /** @description a function permission (lowercase letters, digits and _; at most 64 characters) */
                          name: string;
                        }
                      | {
                          /** @enum {string} */
                          kind: 'role';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          roleId: string;
                        };
                    /** @description Further members: a set rule (at most one of all members) */
                    others?: (
                      | {
                          /** @enum {string} */
                          kind: 'object';
                          /** @enum {string} */
                          object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                          /** @enum {string} */
                          action:
                            | 'read'
                            | 'update'
                            | 'delete'
                            | 'create'
                            | 'transfer'
                            | 'share'
                            | 'export';
                        }
                      | {
                          /** @enum {string} */
                          kind: 'function';
                          /** @description a function permission (lowercase letters, digits and _; at most 64 characters) */
                          name: string;
                        }
                      | {
                          /** @enum {string} */
                          kind: 'role';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          roleId: string;
                        }
                    )[];
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'sod_rule.delete';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                }
            )[];
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Commit a batch of changes as one (one policy version, all or nothing); a sensitive change under four eyes waits for a second administrator (202) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            changes: (
              | {
                  /** @enum {string} */
                  kind: 'department.create';
                  department: {
                    /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                    id: string;
                    name: string;
                    parentId: string | null;
                    /** @description 部门负责人 */
                    headId?: string | null;
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'department.rename';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                  name: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'department.move';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                  parentId: string | null;
                }
              | {
                  /** @enum {string} */
                  kind: 'department.set_head';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                  headId: string | null;
                }
              | {
                  /** @enum {string} */
                  kind: 'department.delete';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'user.create';
                  user: {
                    /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                    id: string;
                    name: string;
                    /** @enum {string} */
                    kind: 'internal' | 'portal';
                    /** @enum {string} */
                    status: 'active' | 'suspended' | 'departed';
                    departmentId: string | null;
                    /** @description 汇报对象 */
                    managerId: string | null;
                    roleIds: string[];
                    /** @enum {string} */
                    clearance: 'public' | 'internal' | 'confidential' | 'restricted';
                    /** @description For portal users: the customer (account) they belong to */
                    portalAccountId?: string | null;
                    /** @description 职位 (e.g. 销售代表): with the department, picks the onboarding template */
                    title?: string | null;
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'user.update';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                  name?: string;
                  roleIds?: string[];
                  /** @enum {string} */
                  clearance?: 'public' | 'internal' | 'confidential' | 'restricted';
                  /** @description 职位 (e.g. 销售代表): with the department, picks the onboarding template */
                  title?: string | null;
                }
              | {
                  /** @enum {string} */
                  kind: 'user.transfer';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  departmentId: string;
                  /** @description The new manager; absent = unchanged */
                  managerId?: string | null;
                  ownedRecords:
                    | {
                        /** @enum {string} */
                        mode: 'keep';
                      }
                    | {
                        /** @enum {string} */
                        mode: 'transfer_to';
                        /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                        userId: string;
                      };
                }
              | {
                  /** @enum {string} */
                  kind: 'user.set_manager';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                  managerId: string | null;
                }
              | {
                  /** @enum {string} */
                  kind: 'user.deactivate';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                  /** @enum {string} */
                  status: 'suspended' | 'departed';
                }
              | {
                  /** @enum {string} */
                  kind: 'user.reactivate';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'role.create';
                  role: {
                    /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                    id: string;
                    name: string;
                    objects: {
                      customer?: {
                        /** @enum {string} */
                        read?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        update?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        delete?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        create?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        transfer?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        share?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        export?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                      };
                      contact?: {
                        /** @enum {string} */
                        read?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        update?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        delete?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        create?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        transfer?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        share?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        export?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                      };
                      deal?: {
                        /** @enum {string} */
                        read?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        update?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        delete?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        create?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        transfer?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        share?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        export?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                      };
                      order?: {
                        /** @enum {string} */
                        read?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        update?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        delete?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        create?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        transfer?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        share?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        export?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                      };
                      ticket?: {
                        /** @enum {string} */
                        read?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        update?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        delete?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        create?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        transfer?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        share?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        export?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                      };
                      activity?: {
                        /** @enum {string} */
                        read?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        update?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        delete?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        create?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        transfer?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        share?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                        /** @enum {string} */
                        export?:
                          | 'none'
                          | 'own'
                          | 'subordinates'
                          | 'department'
                          | 'department_tree'
                          | 'all';
                      };
                    };
                    functions: string[];
                    fields: {
                      customer?: {
                        [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
                      };
                      contact?: {
                        [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
                      };
                      deal?: {
                        [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
                      };
                      order?: {
                        [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
                      };
                      ticket?: {
                        [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
                      };
                      activity?: {
                        [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
                      };
                    };
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'role.update';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                  name?: string;
                  objects?: {
                    customer?: {
                      /** @enum {string} */
                      read?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      update?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      delete?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      create?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      transfer?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      share?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      export?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                    };
                    contact?: {
                      /** @enum {string} */
                      read?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      update?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      delete?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      create?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      transfer?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      share?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      export?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                    };
                    deal?: {
                      /** @enum {string} */
                      read?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      update?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      delete?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      create?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      transfer?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      share?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      export?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                    };
                    order?: {
                      /** @enum {string} */
                      read?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      update?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      delete?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      create?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      transfer?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      share?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      export?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                    };
                    ticket?: {
                      /** @enum {string} */
                      read?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      update?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      delete?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      create?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      transfer?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      share?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      export?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                    };
                    activity?: {
                      /** @enum {string} */
                      read?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      update?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      delete?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      create?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      transfer?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      share?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                      /** @enum {string} */
                      export?:
                        'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                    };
                  };
                  functions?: string[];
                  fields?: {
                    customer?: {
                      [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
                    };
                    contact?: {
                      [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
                    };
                    deal?: {
                      [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
                    };
                    order?: {
                      [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
                    };
                    ticket?: {
                      [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
                    };
                    activity?: {
                      [key: string]: 'hidden' | 'masked' | 'read' | 'edit';
                    };
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'role.delete';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'object.set_org_wide_default';
                  /** @enum {string} */
                  object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                  /**
                   * @description 基础数据权限
                   * @enum {string}
                   */
                  orgWideDefault: 'private' | 'public_read' | 'public_read_write';
                }
              | {
                  /** @enum {string} */
                  kind: 'object.set_field';
                  /** @enum {string} */
                  object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                  /** @description a field name (a letter or _, then letters, digits or _; at most 64 characters) */
                  field: string;
                  setting: {
                    /**
                     * @description Field sensitivity: above the reader's clearance the field is hidden
                     * @enum {string}
                     */
                    sensitivity?: 'public' | 'internal' | 'confidential' | 'restricted';
                    /**
                     * @description How a masked value of this field is shown
                     * @enum {string}
                     */
                    mask?: 'phone' | 'email' | 'id_number' | 'bank_account' | 'name' | 'text';
                    /** @description Internal-only field (内部备注): never shown to portal users */
                    internal?: boolean;
                    /** @description Stored encrypted at rest (存储加密, AES-256-GCM under the tenant data key): decrypted only for callers who read it in clear; exact-match search through a blind index */
                    encrypted?: boolean;
                    /** @description Human label, for explanations and the console */
                    label?: string;
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'object.remove_field';
                  /** @enum {string} */
                  object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                  /** @description a field name (a letter or _, then letters, digits or _; at most 64 characters) */
                  field: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'sharing_rule.create';
                  rule: {
                    /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                    id: string;
                    name: string;
                    /** @enum {string} */
                    object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                    source:
                      | {
                          /** @enum {string} */
                          kind: 'criteria';
                          criteria: (
                            | {
                                /** @description a field name (a letter or _, then letters, digits or _; at most 64 characters) */
                                field: string;
                                /** @enum {string} */
                                op: 'eq' | 'ne' | 'lt' | 'gt';
                                value: string | number | boolean;
                              }
                            | {
                                /** @description a field name (a letter or _, then letters, digits or _; at most 64 characters) */
                                field: string;
                                /** @enum {string} */
                                op: 'in';
                                values: (string | number | boolean)[];
                              }
                            | {
                                /** @description a field name (a letter or _, then letters, digits or _; at most 64 characters) */
                                field: string;
                                /** @enum {string} */
                                op: 'between';
                                low: number | string;
                                high: number | string;
                              }
                          )[];
                        }
                      | {
                          /** @enum {string} */
                          kind: 'owner';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          ownerGroupId: string;
                        };
                    /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                    targetGroupId: string;
                    /** @enum {string} */
                    access: 'read' | 'edit';
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'sharing_rule.update';
                  rule: {
                    /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                    id: string;
                    name: string;
                    /** @enum {string} */
                    object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                    source:
                      | {
                          /** @enum {string} */
                          kind: 'criteria';
                          criteria: (
                            | {
                                /** @description a field name (a letter or _, then letters, digits or _; at most 64 characters) */
                                field: string;
                                /** @enum {string} */
                                op: 'eq' | 'ne' | 'lt' | 'gt';
                                value: string | number | boolean;
                              }
                            | {
                                /** @description a field name (a letter or _, then letters, digits or _; at most 64 characters) */
                                field: string;
                                /** @enum {string} */
                                op: 'in';
                                values: (string | number | boolean)[];
                              }
                            | {
                                /** @description a field name (a letter or _, then letters, digits or _; at most 64 characters) */
                                field: string;
                                /** @enum {string} */
                                op: 'between';
                                low: number | string;
                                high: number | string;
                              }
                          )[];
                        }
                      | {
                          /** @enum {string} */
                          kind: 'owner';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          ownerGroupId: string;
                        };
                    /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                    targetGroupId: string;
                    /** @enum {string} */
                    access: 'read' | 'edit';
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'sharing_rule.delete';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'group.create';
                  group:
                    | {
                        /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: 'department';
                        /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                        departmentId: string;
                        /** @description Include users of every department below */
                        includeSubdepartments: boolean;
                      }
                    | {
                        /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: 'role';
                        /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                        roleId: string;
                      }
                    | {
                        /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: 'public';
                        userIds: string[];
                        groupIds: string[];
                      };
                }
              | {
                  /** @enum {string} */
                  kind: 'group.update';
                  group:
                    | {
                        /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: 'department';
                        /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                        departmentId: string;
                        /** @description Include users of every department below */
                        includeSubdepartments: boolean;
                      }
                    | {
                        /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: 'role';
                        /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                        roleId: string;
                      }
                    | {
                        /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        kind: 'public';
                        userIds: string[];
                        groupIds: string[];
                      };
                }
              | {
                  /** @enum {string} */
                  kind: 'group.delete';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'group.add_member';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                  member: {
                    /** @enum {string} */
                    kind: 'user' | 'group';
                    /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                    id: string;
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'group.remove_member';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                  member: {
                    /** @enum {string} */
                    kind: 'user' | 'group';
                    /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                    id: string;
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'grant.create';
                  grant: {
                    /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                    id: string;
                    subject:
                      | {
                          /** @enum {string} */
                          kind: 'user';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          userId: string;
                        }
                      | {
                          /** @enum {string} */
                          kind: 'group';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          groupId: string;
                        };
                    /** @enum {string} */
                    object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                    target:
                      | {
                          /** @enum {string} */
                          kind: 'record';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          recordId: string;
                        }
                      | {
                          /** @enum {string} */
                          kind: 'department';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          departmentId: string;
                          includeSubdepartments: boolean;
                        }
                      | {
                          /** @enum {string} */
                          kind: 'owner';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          userId: string;
                        }
                      | {
                          /** @enum {string} */
                          kind: 'all';
                        };
                    /** @enum {string} */
                    access: 'read' | 'edit' | 'manage';
                    /** @description Effective from (inclusive): ms since the epoch or an ISO 8601 date-time; null = now */
                    startsAt?: (number | string) | null;
                    /** @description Expires at (exclusive): ms since the epoch or an ISO 8601 date-time; null = never. An end already past is refused. */
                    expiresAt: (number | string) | null;
                    reason?: string;
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'grant.revoke';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                  reason?: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'sod_rule.create';
                  rule: {
                    /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                    id: string;
                    name: string;
                    left:
                      | {
                          /** @enum {string} */
                          kind: 'object';
                          /** @enum {string} */
                          object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                          /** @enum {string} */
                          action:
                            | 'read'
                            | 'update'
                            | 'delete'
                            | 'create'
                            | 'transfer'
                            | 'share'
                            | 'export';
                        }
                      | {
                          /** @enum {string} */
                          kind: 'function';
                          /** @description a function permission (lowercase letters, digits and _; at most 64 characters) */
                          name: string;
                        }
                      | {
                          /** @enum {string} */
                          kind: 'role';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          roleId: string;
                        };
                    right:
                      | {
                          /** @enum {string} */
                          kind: 'object';
                          /** @enum {string} */
                          object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                          /** @enum {string} */
                          action:
                            | 'read'
                            | 'update'
                            | 'delete'
                            | 'create'
                            | 'transfer'
                            | 'share'
                            | 'export';
                        }
                      | {
                          /** @enum {string} */
                          kind: 'function';
                          /** @description a function permission (lowercase letters, digits and _; at most 64 characters) */
                          name: string;
                        }
                      | {
                          /** @enum {string} */
                          kind: 'role';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          roleId: string;
                        };
                    /** @description Further members: a set rule (at most one of all members) */
                    others?: (
                      | {
                          /** @enum {string} */
                          kind: 'object';
                          /** @enum {string} */
                          object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                          /** @enum {string} */
                          action:
                            | 'read'
                            | 'update'
                            | 'delete'
                            | 'create'
                            | 'transfer'
                            | 'share'
                            | 'export';
                        }
                      | {
                          /** @enum {string} */
                          kind: 'function';
                          /** @description a function permission (lowercase letters, digits and _; at most 64 characters) */
                          name: string;
                        }
                      | {
                          /** @enum {string} */
                          kind: 'role';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          roleId: string;
                        }
                    )[];
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'sod_rule.update';
                  rule: {
                    /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                    id: string;
                    name: string;
                    left:
                      | {
                          /** @enum {string} */
                          kind: 'object';
                          /** @enum {string} */
                          object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                          /** @enum {string} */
                          action:
                            | 'read'
                            | 'update'
                            | 'delete'
                            | 'create'
                            | 'transfer'
                            | 'share'
                            | 'export';
                        }
                      | {
                          /** @enum {string} */
                          kind: 'function';
                          /** @description a function permission (lowercase letters, digits and _; at most 64 characters) */
                          name: string;
                        }
                      | {
                          /** @enum {string} */
                          kind: 'role';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          roleId: string;
                        };
                    right:
                      | {
                          /** @enum {string} */
                          kind: 'object';
                          /** @enum {string} */
                          object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                          /** @enum {string} */
                          action:
                            | 'read'
                            | 'update'
                            | 'delete'
                            | 'create'
                            | 'transfer'
                            | 'share'
                            | 'export';
                        }
                      | {
                          /** @enum {string} */
                          kind: 'function';
                          /** @description a function permission (lowercase letters, digits and _; at most 64 characters) */
                          name: string;
                        }
                      | {
                          /** @enum {string} */
                          kind: 'role';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          roleId: string;
                        };
                    /** @description Further members: a set rule (at most one of all members) */
                    others?: (
                      | {
                          /** @enum {string} */
                          kind: 'object';
                          /** @enum {string} */
                          object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                          /** @enum {string} */
                          action:
                            | 'read'
                            | 'update'
                            | 'delete'
                            | 'create'
                            | 'transfer'
                            | 'share'
                            | 'export';
                        }
                      | {
                          /** @enum {string} */
                          kind: 'function';
                          /** @description a function permission (lowercase letters, digits and _; at most 64 characters) */
                          name: string;
                        }
                      | {
                          /** @enum {string} */
                          kind: 'role';
                          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                          roleId: string;
                        }
                    )[];
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'sod_rule.delete';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  id: string;
                }
            )[];
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the customer records you may read (客户列表) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          sort?: '-updatedAt' | 'updatedAt' | 'name' | '-name';
          /** @description Name prefix */
          q?: string;
          /** @description Count the total on a later page too */
          count?: boolean;
          /** @description Only records owned by this user */
          ownerId?: string;
          /** @description Only records of this customer (a customer: itself; children: its contacts, deals…) */
          customerId?: string;
          /** @description Only records whose owning department is this one (not its subdepartments) */
          departmentId?: string;
          /** @description Only records of exactly this sensitivity */
          sensitivity?: 'public' | 'internal' | 'confidential' | 'restricted';
          /** @description Only records last changed at or after this ISO 8601 instant (inclusive) */
          updatedFrom?: string;
          /** @description Only records last changed before this ISO 8601 instant (exclusive) */
          updatedTo?: string;
          /** @description Exact match on a field, `name:value` (e.g. `level:A`, `region:华东`); repeat the parameter for more fields (AND) or for more values of one field (OR). The field must be one the caller reads in clear. */
          field?: string[];
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                object: string;
                customerId: string;
                ownerId?: string | null;
                departmentId?: string | null;
                sensitivity?: string;
                updatedAt?: string;
                fields: {
                  [key: string]: unknown;
                };
                maskedFields?: string[];
                permissions: {
                  [key: string]: boolean;
                };
                fieldLevels?: {
                  [key: string]: string;
                };
                /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
                encryptedFields?: string[];
                transferredChildren?: {
                  [key: string]: number;
                };
              }[];
              nextCursor: string | null;
              /** @description Records the caller may read (first page, or `count=true`); exact up to 10,000, past it 10,000 as a lower bound */
              total: number | null;
              /** @description False when `total` is a lower bound ("10,000+"); null when not counted */
              totalExact: boolean | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Create a customer (新建客户) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Field values by field name (only fields the object has). */
            fields: {
              [key: string]: string | number | boolean | null;
            };
            /** @description Children: the customer they belong to */
            customerId?: string;
            /** @description Default: the caller */
            ownerId?: string;
            /** @enum {string} */
            sensitivity?: 'public' | 'internal' | 'confidential' | 'restricted';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              object: string;
              customerId: string;
              ownerId?: string | null;
              departmentId?: string | null;
              sensitivity?: string;
              updatedAt?: string;
              fields: {
                [key: string]: unknown;
              };
              maskedFields?: string[];
              permissions: {
                [key: string]: boolean;
              };
              fieldLevels?: {
                [key: string]: string;
              };
              /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
              encryptedFields?: string[];
              transferredChildren?: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one customer, with your level on each field */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              object: string;
              customerId: string;
              ownerId?: string | null;
              departmentId?: string | null;
              sensitivity?: string;
              updatedAt?: string;
              fields: {
                [key: string]: unknown;
              };
              maskedFields?: string[];
              permissions: {
                [key: string]: boolean;
              };
              fieldLevels?: {
                [key: string]: string;
              };
              /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
              encryptedFields?: string[];
              transferredChildren?: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a customer */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change fields of a customer */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Field values by field name (only fields the object has). */
            fields?: {
              [key: string]: string | number | boolean | null;
            };
            /** @enum {string} */
            sensitivity?: 'public' | 'internal' | 'confidential' | 'restricted';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              object: string;
              customerId: string;
              ownerId?: string | null;
              departmentId?: string | null;
              sensitivity?: string;
              updatedAt?: string;
              fields: {
                [key: string]: unknown;
              };
              maskedFields?: string[];
              permissions: {
                [key: string]: boolean;
              };
              fieldLevels?: {
                [key: string]: string;
              };
              /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
              encryptedFields?: string[];
              transferredChildren?: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/customers/{id}/transfer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Transfer a customer to another owner (转移客户) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            ownerId: string;
            /** @description Customers: also hand over the related records the previous owner owned */
            includeChildren?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              object: string;
              customerId: string;
              ownerId?: string | null;
              departmentId?: string | null;
              sensitivity?: string;
              updatedAt?: string;
              fields: {
                [key: string]: unknown;
              };
              maskedFields?: string[];
              permissions: {
                [key: string]: boolean;
              };
              fieldLevels?: {
                [key: string]: string;
              };
              /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
              encryptedFields?: string[];
              transferredChildren?: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the contact records you may read (联系人列表) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          sort?: '-updatedAt' | 'updatedAt' | 'name' | '-name';
          /** @description Name prefix */
          q?: string;
          /** @description Count the total on a later page too */
          count?: boolean;
          /** @description Only records owned by this user */
          ownerId?: string;
          /** @description Only records of this customer (a customer: itself; children: its contacts, deals…) */
          customerId?: string;
          /** @description Only records whose owning department is this one (not its subdepartments) */
          departmentId?: string;
          /** @description Only records of exactly this sensitivity */
          sensitivity?: 'public' | 'internal' | 'confidential' | 'restricted';
          /** @description Only records last changed at or after this ISO 8601 instant (inclusive) */
          updatedFrom?: string;
          /** @description Only records last changed before this ISO 8601 instant (exclusive) */
          updatedTo?: string;
          /** @description Exact match on a field, `name:value` (e.g. `level:A`, `region:华东`); repeat the parameter for more fields (AND) or for more values of one field (OR). The field must be one the caller reads in clear. */
          field?: string[];
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                object: string;
                customerId: string;
                ownerId?: string | null;
                departmentId?: string | null;
                sensitivity?: string;
                updatedAt?: string;
                fields: {
                  [key: string]: unknown;
                };
                maskedFields?: string[];
                permissions: {
                  [key: string]: boolean;
                };
                fieldLevels?: {
                  [key: string]: string;
                };
                /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
                encryptedFields?: string[];
                transferredChildren?: {
                  [key: string]: number;
                };
              }[];
              nextCursor: string | null;
              /** @description Records the caller may read (first page, or `count=true`); exact up to 10,000, past it 10,000 as a lower bound */
              total: number | null;
              /** @description False when `total` is a lower bound ("10,000+"); null when not counted */
              totalExact: boolean | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Create a contact (新建联系人) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Field values by field name (only fields the object has). */
            fields: {
              [key: string]: string | number | boolean | null;
            };
            /** @description Children: the customer they belong to */
            customerId?: string;
            /** @description Default: the caller */
            ownerId?: string;
            /** @enum {string} */
            sensitivity?: 'public' | 'internal' | 'confidential' | 'restricted';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              object: string;
              customerId: string;
              ownerId?: string | null;
              departmentId?: string | null;
              sensitivity?: string;
              updatedAt?: string;
              fields: {
                [key: string]: unknown;
              };
              maskedFields?: string[];
              permissions: {
                [key: string]: boolean;
              };
              fieldLevels?: {
                [key: string]: string;
              };
              /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
              encryptedFields?: string[];
              transferredChildren?: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one contact, with your level on each field */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              object: string;
              customerId: string;
              ownerId?: string | null;
              departmentId?: string | null;
              sensitivity?: string;
              updatedAt?: string;
              fields: {
                [key: string]: unknown;
              };
              maskedFields?: string[];
              permissions: {
                [key: string]: boolean;
              };
              fieldLevels?: {
                [key: string]: string;
              };
              /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
              encryptedFields?: string[];
              transferredChildren?: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a contact */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change fields of a contact */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Field values by field name (only fields the object has). */
            fields?: {
              [key: string]: string | number | boolean | null;
            };
            /** @enum {string} */
            sensitivity?: 'public' | 'internal' | 'confidential' | 'restricted';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              object: string;
              customerId: string;
              ownerId?: string | null;
              departmentId?: string | null;
              sensitivity?: string;
              updatedAt?: string;
              fields: {
                [key: string]: unknown;
              };
              maskedFields?: string[];
              permissions: {
                [key: string]: boolean;
              };
              fieldLevels?: {
                [key: string]: string;
              };
              /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
              encryptedFields?: string[];
              transferredChildren?: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/contacts/{id}/transfer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Transfer a contact to another owner (转移联系人) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            ownerId: string;
            /** @description Customers: also hand over the related records the previous owner owned */
            includeChildren?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              object: string;
              customerId: string;
              ownerId?: string | null;
              departmentId?: string | null;
              sensitivity?: string;
              updatedAt?: string;
              fields: {
                [key: string]: unknown;
              };
              maskedFields?: string[];
              permissions: {
                [key: string]: boolean;
              };
              fieldLevels?: {
                [key: string]: string;
              };
              /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
              encryptedFields?: string[];
              transferredChildren?: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/deals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the deal records you may read (商机列表) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          sort?: '-updatedAt' | 'updatedAt' | 'name' | '-name';
          /** @description Name prefix */
          q?: string;
          /** @description Count the total on a later page too */
          count?: boolean;
          /** @description Only records owned by this user */
          ownerId?: string;
          /** @description Only records of this customer (a customer: itself; children: its contacts, deals…) */
          customerId?: string;
          /** @description Only records whose owning department is this one (not its subdepartments) */
          departmentId?: string;
          /** @description Only records of exactly this sensitivity */
          sensitivity?: 'public' | 'internal' | 'confidential' | 'restricted';
          /** @description Only records last changed at or after this ISO 8601 instant (inclusive) */
          updatedFrom?: string;
          /** @description Only records last changed before this ISO 8601 instant (exclusive) */
          updatedTo?: string;
          /** @description Exact match on a field, `name:value` (e.g. `level:A`, `region:华东`); repeat the parameter for more fields (AND) or for more values of one field (OR). The field must be one the caller reads in clear. */
          field?: string[];
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                object: string;
                customerId: string;
                ownerId?: string | null;
                departmentId?: string | null;
                sensitivity?: string;
                updatedAt?: string;
                fields: {
                  [key: string]: unknown;
                };
                maskedFields?: string[];
                permissions: {
                  [key: string]: boolean;
                };
                fieldLevels?: {
                  [key: string]: string;
                };
                /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
                encryptedFields?: string[];
                transferredChildren?: {
                  [key: string]: number;
                };
              }[];
              nextCursor: string | null;
              /** @description Records the caller may read (first page, or `count=true`); exact up to 10,000, past it 10,000 as a lower bound */
              total: number | null;
              /** @description False when `total` is a lower bound ("10,000+"); null when not counted */
              totalExact: boolean | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Create a deal (新建商机) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Field values by field name (only fields the object has). */
            fields: {
              [key: string]: string | number | boolean | null;
            };
            /** @description Children: the customer they belong to */
            customerId?: string;
            /** @description Default: the caller */
            ownerId?: string;
            /** @enum {string} */
            sensitivity?: 'public' | 'internal' | 'confidential' | 'restricted';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              object: string;
              customerId: string;
              ownerId?: string | null;
              departmentId?: string | null;
              sensitivity?: string;
              updatedAt?: string;
              fields: {
                [key: string]: unknown;
              };
              maskedFields?: string[];
              permissions: {
                [key: string]: boolean;
              };
              fieldLevels?: {
                [key: string]: string;
              };
              /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
              encryptedFields?: string[];
              transferredChildren?: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/deals/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one deal, with your level on each field */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              object: string;
              customerId: string;
              ownerId?: string | null;
              departmentId?: string | null;
              sensitivity?: string;
              updatedAt?: string;
              fields: {
                [key: string]: unknown;
              };
              maskedFields?: string[];
              permissions: {
                [key: string]: boolean;
              };
              fieldLevels?: {
                [key: string]: string;
              };
              /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
              encryptedFields?: string[];
              transferredChildren?: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a deal */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change fields of a deal */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Field values by field name (only fields the object has). */
            fields?: {
              [key: string]: string | number | boolean | null;
            };
            /** @enum {string} */
            sensitivity?: 'public' | 'internal' | 'confidential' | 'restricted';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              object: string;
              customerId: string;
              ownerId?: string | null;
              departmentId?: string | null;
              sensitivity?: string;
              updatedAt?: string;
              fields: {
                [key: string]: unknown;
              };
              maskedFields?: string[];
              permissions: {
                [key: string]: boolean;
              };
              fieldLevels?: {
                [key: string]: string;
              };
              /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
              encryptedFields?: string[];
              transferredChildren?: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/deals/{id}/transfer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Transfer a deal to another owner (转移商机) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            ownerId: string;
            /** @description Customers: also hand over the related records the previous owner owned */
            includeChildren?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              object: string;
              customerId: string;
              ownerId?: string | null;
              departmentId?: string | null;
              sensitivity?: string;
              updatedAt?: string;
              fields: {
                [key: string]: unknown;
              };
              maskedFields?: string[];
              permissions: {
                [key: string]: boolean;
              };
              fieldLevels?: {
                [key: string]: string;
              };
              /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
              encryptedFields?: string[];
              transferredChildren?: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the order records you may read (订单列表) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          sort?: '-updatedAt' | 'updatedAt' | 'name' | '-name';
          /** @description Name prefix */
          q?: string;
          /** @description Count the total on a later page too */
          count?: boolean;
          /** @description Only records owned by this user */
          ownerId?: string;
          /** @description Only records of this customer (a customer: itself; children: its contacts, deals…) */
          customerId?: string;
          /** @description Only records whose owning department is this one (not its subdepartments) */
          departmentId?: string;
          /** @description Only records of exactly this sensitivity */
          sensitivity?: 'public' | 'internal' | 'confidential' | 'restricted';
          /** @description Only records last changed at or after this ISO 8601 instant (inclusive) */
          updatedFrom?: string;
          /** @description Only records last changed before this ISO 8601 instant (exclusive) */
          updatedTo?: string;
          /** @description Exact match on a field, `name:value` (e.g. `level:A`, `region:华东`); repeat the parameter for more fields (AND) or for more values of one field (OR). The field must be one the caller reads in clear. */
          field?: string[];
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                object: string;
                customerId: string;
                ownerId?: string | null;
                departmentId?: string | null;
                sensitivity?: string;
                updatedAt?: string;
                fields: {
                  [key: string]: unknown;
                };
                maskedFields?: string[];
                permissions: {
                  [key: string]: boolean;
                };
                fieldLevels?: {
                  [key: string]: string;
                };
                /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
                encryptedFields?: string[];
                transferredChildren?: {
                  [key: string]: number;
                };
              }[];
              nextCursor: string | null;
              /** @description Records the caller may read (first page, or `count=true`); exact up to 10,000, past it 10,000 as a lower bound */
              total: number | null;
              /** @description False when `total` is a lower bound ("10,000+"); null when not counted */
              totalExact: boolean | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Create a order (新建订单) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Field values by field name (only fields the object has). */
            fields: {
              [key: string]: string | number | boolean | null;
            };
            /** @description Children: the customer they belong to */
            customerId?: string;
            /** @description Default: the caller */
            ownerId?: string;
            /** @enum {string} */
            sensitivity?: 'public' | 'internal' | 'confidential' | 'restricted';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              object: string;
              customerId: string;
              ownerId?: string | null;
              departmentId?: string | null;
              sensitivity?: string;
              updatedAt?: string;
              fields: {
                [key: string]: unknown;
              };
              maskedFields?: string[];
              permissions: {
                [key: string]: boolean;
              };
              fieldLevels?: {
                [key: string]: string;
              };
              /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
              encryptedFields?: string[];
              transferredChildren?: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/orders/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one order, with your level on each field */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              object: string;
              customerId: string;
              ownerId?: string | null;
              departmentId?: string | null;
              sensitivity?: string;
              updatedAt?: string;
              fields: {
                [key: string]: unknown;
              };
              maskedFields?: string[];
              permissions: {
                [key: string]: boolean;
              };
              fieldLevels?: {
                [key: string]: string;
              };
              /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
              encryptedFields?: string[];
              transferredChildren?: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a order */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change fields of a order */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Field values by field name (only fields the object has). */
            fields?: {
              [key: string]: string | number | boolean | null;
            };
            /** @enum {string} */
            sensitivity?: 'public' | 'internal' | 'confidential' | 'restricted';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              object: string;
              customerId: string;
              ownerId?: string | null;
              departmentId?: string | null;
              sensitivity?: string;
              updatedAt?: string;
              fields: {
                [key: string]: unknown;
              };
              maskedFields?: string[];
              permissions: {
                [key: string]: boolean;
              };
              fieldLevels?: {
                [key: string]: string;
              };
              /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
              encryptedFields?: string[];
              transferredChildren?: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/orders/{id}/transfer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Transfer a order to another owner (转移订单) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            ownerId: string;
            /** @description Customers: also hand over the related records the previous owner owned */
            includeChildren?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              object: string;
              customerId: string;
              ownerId?: string | null;
              departmentId?: string | null;
              sensitivity?: string;
              updatedAt?: string;
              fields: {
                [key: string]: unknown;
              };
              maskedFields?: string[];
              permissions: {
                [key: string]: boolean;
              };
              fieldLevels?: {
                [key: string]: string;
              };
              /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
              encryptedFields?: string[];
              transferredChildren?: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tickets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the ticket records you may read (服务记录列表) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          sort?: '-updatedAt' | 'updatedAt' | 'name' | '-name';
          /** @description Name prefix */
          q?: string;
          /** @description Count the total on a later page too */
          count?: boolean;
          /** @description Only records owned by this user */
          ownerId?: string;
          /** @description Only records of this customer (a customer: itself; children: its contacts, deals…) */
          customerId?: string;
          /** @description Only records whose owning department is this one (not its subdepartments) */
          departmentId?: string;
          /** @description Only records of exactly this sensitivity */
          sensitivity?: 'public' | 'internal' | 'confidential' | 'restricted';
          /** @description Only records last changed at or after this ISO 8601 instant (inclusive) */
          updatedFrom?: string;
          /** @description Only records last changed before this ISO 8601 instant (exclusive) */
          updatedTo?: string;
          /** @description Exact match on a field, `name:value` (e.g. `level:A`, `region:华东`); repeat the parameter for more fields (AND) or for more values of one field (OR). The field must be one the caller reads in clear. */
          field?: string[];
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                object: string;
                customerId: string;
                ownerId?: string | null;
                departmentId?: string | null;
                sensitivity?: string;
                updatedAt?: string;
                fields: {
                  [key: string]: unknown;
                };
                maskedFields?: string[];
                permissions: {
                  [key: string]: boolean;
                };
                fieldLevels?: {
                  [key: string]: string;
                };
                /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
                encryptedFields?: string[];
                transferredChildren?: {
                  [key: string]: number;
                };
              }[];
              nextCursor: string | null;
              /** @description Records the caller may read (first page, or `count=true`); exact up to 10,000, past it 10,000 as a lower bound */
              total: number | null;
              /** @description False when `total` is a lower bound ("10,000+"); null when not counted */
              totalExact: boolean | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Create a ticket (新建服务记录) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Field values by field name (only fields the object has). */
            fields: {
              [key: string]: string | number | boolean | null;
            };
            /** @description Children: the customer they belong to */
            customerId?: string;
            /** @description Default: the caller */
            ownerId?: string;
            /** @enum {string} */
            sensitivity?: 'public' | 'internal' | 'confidential' | 'restricted';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              object: string;
              customerId: string;
              ownerId?: string | null;
              departmentId?: string | null;
              sensitivity?: string;
              updatedAt?: string;
              fields: {
                [key: string]: unknown;
              };
              maskedFields?: string[];
              permissions: {
                [key: string]: boolean;
              };
              fieldLevels?: {
                [key: string]: string;
              };
              /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
              encryptedFields?: string[];
              transferredChildren?: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tickets/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one ticket, with your level on each field */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              object: string;
              customerId: string;
              ownerId?: string | null;
              departmentId?: string | null;
              sensitivity?: string;
              updatedAt?: string;
              fields: {
                [key: string]: unknown;
              };
              maskedFields?: string[];
              permissions: {
                [key: string]: boolean;
              };
              fieldLevels?: {
                [key: string]: string;
              };
              /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
              encryptedFields?: string[];
              transferredChildren?: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a ticket */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change fields of a ticket */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Field values by field name (only fields the object has). */
            fields?: {
              [key: string]: string | number | boolean | null;
            };
            /** @enum {string} */
            sensitivity?: 'public' | 'internal' | 'confidential' | 'restricted';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              object: string;
              customerId: string;
              ownerId?: string | null;
              departmentId?: string | null;
              sensitivity?: string;
              updatedAt?: string;
              fields: {
                [key: string]: unknown;
              };
              maskedFields?: string[];
              permissions: {
                [key: string]: boolean;
              };
              fieldLevels?: {
                [key: string]: string;
              };
              /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
              encryptedFields?: string[];
              transferredChildren?: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/tickets/{id}/transfer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Transfer a ticket to another owner (转移服务记录) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            ownerId: string;
            /** @description Customers: also hand over the related records the previous owner owned */
            includeChildren?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              object: string;
              customerId: string;
              ownerId?: string | null;
              departmentId?: string | null;
              sensitivity?: string;
              updatedAt?: string;
              fields: {
                [key: string]: unknown;
              };
              maskedFields?: string[];
              permissions: {
                [key: string]: boolean;
              };
              fieldLevels?: {
                [key: string]: string;
              };
              /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
              encryptedFields?: string[];
              transferredChildren?: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/activities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the activity records you may read (跟进记录列表) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          sort?: '-updatedAt' | 'updatedAt' | 'name' | '-name';
          /** @description Name prefix */
          q?: string;
          /** @description Count the total on a later page too */
          count?: boolean;
          /** @description Only records owned by this user */
          ownerId?: string;
          /** @description Only records of this customer (a customer: itself; children: its contacts, deals…) */
          customerId?: string;
          /** @description Only records whose owning department is this one (not its subdepartments) */
          departmentId?: string;
          /** @description Only records of exactly this sensitivity */
          sensitivity?: 'public' | 'internal' | 'confidential' | 'restricted';
          /** @description Only records last changed at or after this ISO 8601 instant (inclusive) */
          updatedFrom?: string;
          /** @description Only records last changed before this ISO 8601 instant (exclusive) */
          updatedTo?: string;
          /** @description Exact match on a field, `name:value` (e.g. `level:A`, `region:华东`); repeat the parameter for more fields (AND) or for more values of one field (OR). The field must be one the caller reads in clear. */
          field?: string[];
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                object: string;
                customerId: string;
                ownerId?: string | null;
                departmentId?: string | null;
                sensitivity?: string;
                updatedAt?: string;
                fields: {
                  [key: string]: unknown;
                };
                maskedFields?: string[];
                permissions: {
                  [key: string]: boolean;
                };
                fieldLevels?: {
                  [key: string]: string;
                };
                /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
                encryptedFields?: string[];
                transferredChildren?: {
                  [key: string]: number;
                };
              }[];
              nextCursor: string | null;
              /** @description Records the caller may read (first page, or `count=true`); exact up to 10,000, past it 10,000 as a lower bound */
              total: number | null;
              /** @description False when `total` is a lower bound ("10,000+"); null when not counted */
              totalExact: boolean | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Create a activity (新建跟进记录) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Field values by field name (only fields the object has). */
            fields: {
              [key: string]: string | number | boolean | null;
            };
            /** @description Children: the customer they belong to */
            customerId?: string;
            /** @description Default: the caller */
            ownerId?: string;
            /** @enum {string} */
            sensitivity?: 'public' | 'internal' | 'confidential' | 'restricted';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              object: string;
              customerId: string;
              ownerId?: string | null;
              departmentId?: string | null;
              sensitivity?: string;
              updatedAt?: string;
              fields: {
                [key: string]: unknown;
              };
              maskedFields?: string[];
              permissions: {
                [key: string]: boolean;
              };
              fieldLevels?: {
                [key: string]: string;
              };
              /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
              encryptedFields?: string[];
              transferredChildren?: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/activities/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one activity, with your level on each field */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              object: string;
              customerId: string;
              ownerId?: string | null;
              departmentId?: string | null;
              sensitivity?: string;
              updatedAt?: string;
              fields: {
                [key: string]: unknown;
              };
              maskedFields?: string[];
              permissions: {
                [key: string]: boolean;
              };
              fieldLevels?: {
                [key: string]: string;
              };
              /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
              encryptedFields?: string[];
              transferredChildren?: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a activity */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change fields of a activity */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Field values by field name (only fields the object has). */
            fields?: {
              [key: string]: string | number | boolean | null;
            };
            /** @enum {string} */
            sensitivity?: 'public' | 'internal' | 'confidential' | 'restricted';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              object: string;
              customerId: string;
              ownerId?: string | null;
              departmentId?: string | null;
              sensitivity?: string;
              updatedAt?: string;
              fields: {
                [key: string]: unknown;
              };
              maskedFields?: string[];
              permissions: {
                [key: string]: boolean;
              };
              fieldLevels?: {
                [key: string]: string;
              };
              /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
              encryptedFields?: string[];
              transferredChildren?: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/activities/{id}/transfer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Transfer a activity to another owner (转移跟进记录) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            ownerId: string;
            /** @description Customers: also hand over the related records the previous owner owned */
            includeChildren?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              object: string;
              customerId: string;
              ownerId?: string | null;
              departmentId?: string | null;
              sensitivity?: string;
              updatedAt?: string;
              fields: {
                [key: string]: unknown;
              };
              maskedFields?: string[];
              permissions: {
                [key: string]: boolean;
              };
              fieldLevels?: {
                [key: string]: string;
              };
              /** @description Fields stored encrypted at rest (存储加密) that the caller sees (single-record answers) */
              encryptedFields?: string[];
              transferredChildren?: {
                [key: string]: number;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{id}/team': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The customer team (客户团队) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              members: {
                userId?: string;
                name?: string | null;
                access?: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{id}/team/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Add a user to the customer team, or change their access */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          userId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            access: 'read' | 'edit' | 'manage';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              members: {
                userId?: string;
                name?: string | null;
                access?: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    post?: never;
    /** Remove a user from the customer team */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          userId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/csrf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The CSRF token of this session: a browser sends it as x-csrf-token on every POST, PUT, PATCH and DELETE */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              token: string;
              header: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your API tokens, with their last use (never their secrets) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                prefix: string;
                name: string;
                /** @enum {string} */
                kind: 'personal' | 'service';
                userId: string;
                scopes: string[];
                /** @enum {string} */
                status: 'active' | 'expired' | 'revoked';
                createdAt?: string;
                createdBy?: string;
                expiresAt: string;
                lastUsedAt?: string | null;
                revokedAt?: string | null;
                revokedBy?: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Create a personal API token: scopes within your permissions, an expiry; shown once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            scopes: (
              | 'records:read'
              | 'records:write'
              | 'authz'
              | 'export'
              | 'import'
              | 'user_admin'
              | 'role_admin'
              | 'audit_view'
              | 'encryption_admin'
              | 'backup_admin'
            )[];
            /** Format: date-time */
            expiresAt: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The token string: shown this once, never again */
              token: string;
              apiToken: {
                id: string;
                prefix: string;
                name: string;
                /** @enum {string} */
                kind: 'personal' | 'service';
                userId: string;
                scopes: string[];
                /** @enum {string} */
                status: 'active' | 'expired' | 'revoked';
                createdAt?: string;
                createdBy?: string;
                expiresAt: string;
                lastUsedAt?: string | null;
                revokedAt?: string | null;
                revokedBy?: string | null;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/tokens/{tokenId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke one of your API tokens */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          tokenId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/users/{id}/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A user's API tokens (personal and service), with their last use */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                prefix: string;
                name: string;
                /** @enum {string} */
                kind: 'personal' | 'service';
                userId: string;
                scopes: string[];
                /** @enum {string} */
                status: 'active' | 'expired' | 'revoked';
                createdAt?: string;
                createdBy?: string;
                expiresAt: string;
                lastUsedAt?: string | null;
                revokedAt?: string | null;
                revokedBy?: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Issue a service token to a service principal (an active internal user without a sign-in) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            scopes: (
              | 'records:read'
              | 'records:write'
              | 'authz'
              | 'export'
              | 'import'
              | 'user_admin'
              | 'role_admin'
              | 'audit_view'
              | 'encryption_admin'
              | 'backup_admin'
            )[];
            /** Format: date-time */
            expiresAt: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The token string: shown this once, never again */
              token: string;
              apiToken: {
                id: string;
                prefix: string;
                name: string;
                /** @enum {string} */
                kind: 'personal' | 'service';
                userId: string;
                scopes: string[];
                /** @enum {string} */
                status: 'active' | 'expired' | 'revoked';
                createdAt?: string;
                createdBy?: string;
                expiresAt: string;
                lastUsedAt?: string | null;
                revokedAt?: string | null;
                revokedBy?: string | null;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/users/{id}/tokens/{tokenId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke one of a user's API tokens */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
          tokenId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export the customer records you may read and export (CSV or JSON), fields as you see them; contacts who opted out of sale or sharing are left out, their number in the x-custos-withheld-do-not-sell header */
    get: {
      parameters: {
        query?: {
          format?: 'csv' | 'json';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create and update customer records from rows, each through the record write path */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description One object per row, as the CSV of `custos export`: `id` (an existing id updates it, else a record is created), `ownerId`, `customerId` (children) and field values; an empty or null cell changes nothing */
            rows: {
              [key: string]: string | number | boolean | null;
            }[];
            /**
             * @description Write nothing if any row fails (default); false writes the rows that pass
             * @default true
             */
            allOrNothing?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              object: string;
              written: boolean;
              created: string[];
              updated: string[];
              failures: {
                /** @description Index of the row in `rows` (from 0) */
                row: number;
                code: string;
                message: string;
                field?: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export the contact records you may read and export (CSV or JSON), fields as you see them; contacts who opted out of sale or sharing are left out, their number in the x-custos-withheld-do-not-sell header */
    get: {
      parameters: {
        query?: {
          format?: 'csv' | 'json';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create and update contact records from rows, each through the record write path */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description One object per row, as the CSV of `custos export`: `id` (an existing id updates it, else a record is created), `ownerId`, `customerId` (children) and field values; an empty or null cell changes nothing */
            rows: {
              [key: string]: string | number | boolean | null;
            }[];
            /**
             * @description Write nothing if any row fails (default); false writes the rows that pass
             * @default true
             */
            allOrNothing?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              object: string;
              written: boolean;
              created: string[];
              updated: string[];
              failures: {
                /** @description Index of the row in `rows` (from 0) */
                row: number;
                code: string;
                message: string;
                field?: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/deals/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export the deal records you may read and export (CSV or JSON), fields as you see them; contacts who opted out of sale or sharing are left out, their number in the x-custos-withheld-do-not-sell header */
    get: {
      parameters: {
        query?: {
          format?: 'csv' | 'json';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/deals/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create and update deal records from rows, each through the record write path */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description One object per row, as the CSV of `custos export`: `id` (an existing id updates it, else a record is created), `ownerId`, `customerId` (children) and field values; an empty or null cell changes nothing */
            rows: {
              [key: string]: string | number | boolean | null;
            }[];
            /**
             * @description Write nothing if any row fails (default); false writes the rows that pass
             * @default true
             */
            allOrNothing?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              object: string;
              written: boolean;
              created: string[];
              updated: string[];
              failures: {
                /** @description Index of the row in `rows` (from 0) */
                row: number;
                code: string;
                message: string;
                field?: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/orders/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export the order records you may read and export (CSV or JSON), fields as you see them; contacts who opted out of sale or sharing are left out, their number in the x-custos-withheld-do-not-sell header */
    get: {
      parameters: {
        query?: {
          format?: 'csv' | 'json';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/orders/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create and update order records from rows, each through the record write path */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description One object per row, as the CSV of `custos export`: `id` (an existing id updates it, else a record is created), `ownerId`, `customerId` (children) and field values; an empty or null cell changes nothing */
            rows: {
              [key: string]: string | number | boolean | null;
            }[];
            /**
             * @description Write nothing if any row fails (default); false writes the rows that pass
             * @default true
             */
            allOrNothing?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              object: string;
              written: boolean;
              created: string[];
              updated: string[];
              failures: {
                /** @description Index of the row in `rows` (from 0) */
                row: number;
                code: string;
                message: string;
                field?: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tickets/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export the ticket records you may read and export (CSV or JSON), fields as you see them; contacts who opted out of sale or sharing are left out, their number in the x-custos-withheld-do-not-sell header */
    get: {
      parameters: {
        query?: {
          format?: 'csv' | 'json';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tickets/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create and update ticket records from rows, each through the record write path */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description One object per row, as the CSV of `custos export`: `id` (an existing id updates it, else a record is created), `ownerId`, `customerId` (children) and field values; an empty or null cell changes nothing */
            rows: {
              [key: string]: string | number | boolean | null;
            }[];
            /**
             * @description Write nothing if any row fails (default); false writes the rows that pass
             * @default true
             */
            allOrNothing?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              object: string;
              written: boolean;
              created: string[];
              updated: string[];
              failures: {
                /** @description Index of the row in `rows` (from 0) */
                row: number;
                code: string;
                message: string;
                field?: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/activities/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export the activity records you may read and export (CSV or JSON), fields as you see them; contacts who opted out of sale or sharing are left out, their number in the x-custos-withheld-do-not-sell header */
    get: {
      parameters: {
        query?: {
          format?: 'csv' | 'json';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/activities/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create and update activity records from rows, each through the record write path */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description One object per row, as the CSV of `custos export`: `id` (an existing id updates it, else a record is created), `ownerId`, `customerId` (children) and field values; an empty or null cell changes nothing */
            rows: {
              [key: string]: string | number | boolean | null;
            }[];
            /**
             * @description Write nothing if any row fails (default); false writes the rows that pass
             * @default true
             */
            allOrNothing?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              object: string;
              written: boolean;
              created: string[];
              updated: string[];
              failures: {
                /** @description Index of the row in `rows` (from 0) */
                row: number;
                code: string;
                message: string;
                field?: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/users/{id}/invite': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Invite a user: set or replace their sign-in e-mail and issue a one-time set-password link (older links die) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              invitation: {
                userId: string;
                email: string;
                /** @enum {string} */
                purpose: 'invite' | 'reset';
                /** @description One-time set-password link (also in the outbox) */
                link: string;
                expiresAt: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/users/{id}/reset-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reset a user's password: a one-time set-password link (older links die) and every session of the user ends */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              invitation: {
                userId: string;
                email: string;
                /** @enum {string} */
                purpose: 'invite' | 'reset';
                /** @description One-time set-password link (also in the outbox) */
                link: string;
                expiresAt: string;
              };
              sessionsEnded: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/users/{id}/end-sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End every session of a user (they must sign in again) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ended: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/mfa/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Finish sign-in with a code from the authenticator or a recovery code: rotates the session (new cookie) and marks it MFA-verified */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code?: string;
            recoveryCode?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              mfa: {
                enabled: boolean;
                verified: boolean;
              };
              recoveryCodesLeft: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/mfa/enrolment': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start enrolling a TOTP authenticator: a fresh secret, its otpauth:// URI and a QR code (SVG data URL); confirm with a code */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              secret: string;
              uri: string;
              qrCode: string;
              expiresAt: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/mfa/enrolment/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm the enrolment with a current code: MFA is enabled, the session MFA-verified (new cookie), and 10 recovery codes are shown once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              mfa: {
                enabled: boolean;
                verified: boolean;
              };
              recoveryCodes: string[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/mfa/recovery-codes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Replace the recovery codes by 10 new ones (shown once); needs a current code from the authenticator */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              recoveryCodes: string[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/mfa/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Disable MFA (removes the authenticator and the recovery codes); needs a current code or the password; refused while the tenant policy requires MFA of the user */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code?: string;
            password?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              mfa: {
                enabled: boolean;
                verified: boolean;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/security/mfa-policy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The tenant's MFA policy: off, admins (holders of admin functions) or everyone */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              policy: 'off' | 'admins' | 'everyone';
              adminFunctions: string[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    /** Set the tenant's MFA policy; requiring MFA needs the acting admin to have enabled it first */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            policy: 'off' | 'admins' | 'everyone';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              policy: 'off' | 'admins' | 'everyone';
              adminFunctions: string[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/users/{id}/mfa/reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reset a user's MFA (lost authenticator): removes the authenticator and recovery codes and ends the user's sessions; the user enrols again */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              userId: string;
              hadMfa: boolean;
              sessionsEnded: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/me/access': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My access: roles, scope per object and action, functions, clearance, field levels, groups, teams, grants, sharing rules, pools, and how many records I reach through each access path */
    get: {
      parameters: {
        query?: {
          /** @description The object whose reach per access path is counted (default customer) */
          object?: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                id: string;
                name: string;
                /** @enum {string} */
                kind: 'internal' | 'portal';
                departmentId: string | null;
                departmentName: string | null;
              };
              roles: {
                id: string;
                name: string;
              }[];
              /** @enum {string} */
              clearance: 'public' | 'internal' | 'confidential' | 'restricted';
              functions: {
                name: string;
                blockedBy: {
                  id: string;
                  name: string;
                } | null;
              }[];
              objects: {
                /** @enum {string} */
                object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                /** @enum {string} */
                orgWideDefault: 'private' | 'public_read' | 'public_read_write';
                actions: {
                  /** @enum {string} */
                  action: 'read' | 'update' | 'delete' | 'create' | 'transfer' | 'share' | 'export';
                  /** @enum {string} */
                  scope: 'none' | 'own' | 'subordinates' | 'department' | 'department_tree' | 'all';
                  roles: {
                    id: string;
                    name: string;
                  }[];
                  blockedBy: {
                    id: string;
                    name: string;
                  } | null;
                }[];
                /** @description The fields the caller does not edit; a field not named is edit */
                fieldLevels: {
                  [key: string]: 'hidden' | 'masked' | 'read';
                };
              }[];
              groups: {
                id: string;
                name: string;
              }[];
              teams: {
                count: number;
                countExact: boolean;
                customers: {
                  id: string;
                  name: string | null;
                }[];
              };
              grants: {
                id: string;
                /** @enum {string} */
                object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                /** @enum {string} */
                access: 'read' | 'edit' | 'manage';
                target: {
                  /** @enum {string} */
                  kind: 'record' | 'department' | 'owner' | 'all';
                  id: string | null;
                  name: string | null;
                  includeSubdepartments: boolean;
                };
                startsAt: string | null;
                expiresAt: string | null;
                via: {
                  /** @enum {string} */
                  kind: 'user' | 'group';
                  groupId?: string;
                  groupName?: string;
                };
              }[];
              sharingRules: {
                id: string;
                name: string;
                /** @enum {string} */
                object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                /** @enum {string} */
                access: 'read' | 'edit';
              }[];
              pools: {
                id: string;
                name: string;
              }[];
              reach: {
                /** @enum {string} */
                object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                /** @enum {string} */
                action: 'read';
                total: number;
                totalExact: boolean;
                paths: {
                  /** @enum {string} */
                  path:
                    | 'owner'
                    | 'subordinate'
                    | 'department'
                    | 'department_tree'
                    | 'all'
                    | 'portal_own'
                    | 'portal_account'
                    | 'org_default'
                    | 'team'
                    | 'sharing_rule'
                    | 'grant'
                    | 'pool';
                  count: number;
                  exact: boolean;
                }[];
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/overview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The admin home: users per role and department, the customers I may read per sensitivity and owning department, recent permission changes */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              usersPerRole: {
                roleId: string;
                roleName: string;
                activeUsers: number;
              }[];
              usersPerDepartment: {
                departmentId: string | null;
                departmentName: string | null;
                activeUsers: number;
              }[];
              customersPerSensitivity: {
                /** @enum {string} */
                sensitivity: 'public' | 'internal' | 'confidential' | 'restricted';
                customers: number;
              }[];
              customersPerDepartment: {
                departmentId: string | null;
                departmentName: string | null;
                customers: number;
              }[];
              recentChanges: {
                version: number;
                seq: number;
                at: string;
                actor: {
                  id: string;
                  name: string;
                } | null;
                kind: string;
                entity: {
                  kind: string;
                  id: string | null;
                  name: string | null;
                };
                summary: {
                  'zh-CN': string;
                  'en-US': string;
                };
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/reviews/campaigns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Access review campaigns with their progress */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    /** Create a campaign (a draft, or started) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            scope:
              | {
                  /** @enum {unknown} */
                  kind: 'all_users';
                }
              | {
                  /** @enum {unknown} */
                  kind: 'department';
                  departmentId: string;
                }
              | {
                  /** @enum {unknown} */
                  kind: 'role';
                  roleId: string;
                }
              | {
                  /** @enum {unknown} */
                  kind: 'confidential';
                }
              | {
                  /** @enum {unknown} */
                  kind: 'all_grants';
                };
            reviewers:
              | {
                  /** @enum {unknown} */
                  kind: 'manager';
                }
              | {
                  /** @enum {unknown} */
                  kind: 'data_owner';
                }
              | {
                  /** @enum {unknown} */
                  kind: 'named';
                  userIds: string[];
                };
            /** Format: date-time */
            deadline: string;
            reminderDays?: number[];
            /** @enum {string} */
            defaultDecision: 'keep' | 'revoke';
            /** @enum {string} */
            recurrence?: 'none' | 'quarterly' | 'half_yearly' | 'yearly';
            start?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/reviews/campaigns/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A campaign with its items and decisions */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/reviews/campaigns/{id}/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start a draft: take the snapshot */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/reviews/campaigns/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close now: undecided items take the default */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/reviews/campaigns/{id}/items/{itemNo}/reassign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Give a pending item to another reviewer */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          itemNo: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reviewerId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/reviews/campaigns/{id}/evidence.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Signed evidence of a campaign (CSV) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/reviews/campaigns/{id}/evidence.pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Signed evidence of a campaign (PDF) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/reviews/evidence/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Verify a signed evidence export (CSV or PDF), byte for byte */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            contentBase64: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/reviews/my-items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's review items in open campaigns */
    get: {
      parameters: {
        query?: {
          status?: 'pending' | 'decided';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/reviews/campaigns/{id}/items/{itemNo}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Keep, revoke or reduce an item assigned to the caller */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          itemNo: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            decision: 'keep' | 'revoke' | 'reduce';
            reason: string;
            reduction?: {
              removeRoleIds?: string[];
              removeGrantIds?: string[];
              removeTeamCustomerIds?: string[];
              /** Format: date-time */
              expiresAt?: string;
              /** @enum {string} */
              access?: 'read' | 'edit' | 'manage';
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/reviews/my-items/keep': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Keep several of the caller’s items with one reason */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            items: {
              campaignId: string;
              itemNo: number;
            }[];
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/monitoring/alerts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Security alerts, newest first, filtered; `nextBeforeId` pages on */
    get: {
      parameters: {
        query?: {
          status?: 'open' | 'acknowledged';
          rule?: 'bulk_export' | 'read_volume' | 'off_hours' | 'repeated_denials' | 'new_ip';
          userId?: string;
          severity?: 'low' | 'medium' | 'high';
          from?: string;
          to?: string;
          beforeId?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                /** @enum {string} */
                rule: 'bulk_export' | 'read_volume' | 'off_hours' | 'repeated_denials' | 'new_ip';
                userId: string;
                userName?: string | null;
                window?: string;
                /** @enum {string} */
                severity: 'low' | 'medium' | 'high';
                /** @enum {string} */
                status: 'open' | 'acknowledged';
                summary?: {
                  [key: string]: unknown;
                };
                evidence?: {
                  [key: string]: unknown;
                };
                firstAt?: string;
                lastAt?: string;
                createdAt: string;
                ackBy?: string | null;
                ackAt?: string | null;
                ackNote?: string | null;
              }[];
              nextBeforeId: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/monitoring/alerts/per-day': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Alerts raised per UTC day and rule over the last `days` days (for the chart) */
    get: {
      parameters: {
        query?: {
          days?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              from: string;
              items: {
                day: string;
                rule: string;
                count: number;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/monitoring/alerts/{id}/acknowledge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Acknowledge an alert with a note (who and when are recorded; audited) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              rule: 'bulk_export' | 'read_volume' | 'off_hours' | 'repeated_denials' | 'new_ip';
              userId: string;
              userName?: string | null;
              window?: string;
              /** @enum {string} */
              severity: 'low' | 'medium' | 'high';
              /** @enum {string} */
              status: 'open' | 'acknowledged';
              summary?: {
                [key: string]: unknown;
              };
              evidence?: {
                [key: string]: unknown;
              };
              firstAt?: string;
              lastAt?: string;
              createdAt: string;
              ackBy?: string | null;
              ackAt?: string | null;
              ackNote?: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/monitoring/rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The tenant's monitoring rules: enabled, severity, thresholds, and the defaults */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @enum {string} */
                rule: 'bulk_export' | 'read_volume' | 'off_hours' | 'repeated_denials' | 'new_ip';
                enabled: boolean;
                /** @enum {string} */
                severity: 'low' | 'medium' | 'high';
                params: {
                  [key: string]: unknown;
                };
                defaults: {
                  [key: string]: unknown;
                };
                updatedAt?: string | null;
                updatedBy?: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/monitoring/rules/{rule}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set a rule: enabled, severity and every threshold (checked, naming a bad field; audited) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          rule: 'bulk_export' | 'read_volume' | 'off_hours' | 'repeated_denials' | 'new_ip';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            enabled: boolean;
            /** @enum {string} */
            severity: 'low' | 'medium' | 'high';
            params: {
              [key: string]: number | string | number[];
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              rule: 'bulk_export' | 'read_volume' | 'off_hours' | 'repeated_denials' | 'new_ip';
              enabled: boolean;
              /** @enum {string} */
              severity: 'low' | 'medium' | 'high';
              params: {
                [key: string]: unknown;
              };
              defaults: {
                [key: string]: unknown;
              };
              updatedAt?: string | null;
              updatedBy?: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/monitoring/evaluate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Run the monitoring pass for this tenant now (the job runs it every minute) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              events: number;
              created: number;
              updated: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The tenant's webhook endpoints (never their secrets) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                name: string;
                url: string;
                events: string[];
                enabled: boolean;
                createdAt: string;
                createdBy?: string | null;
              }[];
              events: string[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Add a webhook endpoint; its signing secret is in this answer only */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            url: string;
            events: ('alert.created' | 'alert.acknowledged')[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The signing secret: shown this once */
              secret: string;
              endpoint: {
                id: string;
                name: string;
                url: string;
                events: string[];
                enabled: boolean;
                createdAt: string;
                createdBy?: string | null;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a webhook endpoint (its pending deliveries fail); audited */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a webhook endpoint (name, URL, events, enabled); a new URL gets a new signing secret, shown this once; audited */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            url?: string;
            events?: ('alert.created' | 'alert.acknowledged')[];
            enabled?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              url: string;
              events: string[];
              enabled: boolean;
              createdAt: string;
              createdBy?: string | null;
              /** @description The new signing secret, when the URL changed (the old one signed for the old receiver): shown this once */
              secret?: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/admin/webhooks/{id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a signed `webhook.test` event to the endpoint (through the job runner) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              deliveryId: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/webhooks/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An endpoint's latest deliveries, each with its attempts (the delivery log) */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                event: string;
                alertId?: string | null;
                /** @enum {string} */
                status: 'pending' | 'delivered' | 'failed';
                attempts: number;
                createdAt: string;
                deliveredAt?: string | null;
                log: {
                  attempt: number;
                  at: string;
                  statusCode?: number | null;
                  durationMs: number;
                  error?: string | null;
                }[];
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/jobs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Recurring schedules (last and next run, status) and recent job failures */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              schedules: {
                name: string;
                everyMs: number;
                nextRunAt: string;
                lastRunAt?: string | null;
                lastFinishedAt?: string | null;
                lastStatus?: string | null;
                lastError?: string | null;
                lastDurationMs?: number | null;
                runs: number;
                failures: number;
              }[];
              failures: {
                id: string;
                name: string;
                state: string;
                attempts: number;
                maxAttempts: number;
                lastError?: string | null;
                runAt?: string;
                finishedAt?: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/access-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your access requests, newest first */
    get: {
      parameters: {
        query?: {
          status?: 'pending' | 'approved' | 'rejected' | 'cancelled' | 'expired';
          limit?: number;
          before?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                requesterId: string;
                /** @enum {string} */
                kind: 'record' | 'scope' | 'role';
                object?: string | null;
                recordId?: string | null;
                recordName?: string | null;
                recordExists?: boolean | null;
                scope?: {
                  [key: string]: unknown;
                } | null;
                roleId?: string | null;
                access?: string | null;
                requestedDays: number;
                grantedDays: number;
                reason: string;
                /** @enum {string} */
                status: 'pending' | 'approved' | 'rejected' | 'cancelled' | 'expired';
                createdAt?: string | null;
                decidedAt?: string | null;
                expiresAt?: string | null;
                closedReason?: string | null;
                currentStep?: number | null;
                steps: {
                  kind?: string;
                  of?: string | null;
                  userId?: string | null;
                  functionName?: string | null;
                  approverIds?: string[];
                  routes?: {
                    from?: string | null;
                    reason?: string;
                    to?: string[];
                  }[];
                  decision?: string | null;
                  decidedBy?: string | null;
                  decidedAt?: string | null;
                  reason?: string | null;
                  days?: number | null;
                }[];
              }[];
              nextBefore: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Request access to a record (read/edit), a scope (records of a department or an owner, or all) or a role, for a number of days, with a reason */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            kind: 'record' | 'scope' | 'role';
            /** @enum {string} */
            object?: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            recordId?: string;
            scope?:
              | {
                  /** @enum {unknown} */
                  kind: 'department';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  departmentId: string;
                  includeSubdepartments: boolean;
                }
              | {
                  /** @enum {unknown} */
                  kind: 'owner';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  userId: string;
                }
              | {
                  /** @enum {unknown} */
                  kind: 'all';
                };
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            roleId?: string;
            /** @enum {string} */
            access?: 'read' | 'edit';
            durationDays: number;
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              requesterId: string;
              /** @enum {string} */
              kind: 'record' | 'scope' | 'role';
              object?: string | null;
              recordId?: string | null;
              recordName?: string | null;
              recordExists?: boolean | null;
              scope?: {
                [key: string]: unknown;
              } | null;
              roleId?: string | null;
              access?: string | null;
              requestedDays: number;
              grantedDays: number;
              reason: string;
              /** @enum {string} */
              status: 'pending' | 'approved' | 'rejected' | 'cancelled' | 'expired';
              createdAt?: string | null;
              decidedAt?: string | null;
              expiresAt?: string | null;
              closedReason?: string | null;
              currentStep?: number | null;
              steps: {
                kind?: string;
                of?: string | null;
                userId?: string | null;
                functionName?: string | null;
                approverIds?: string[];
                routes?: {
                  from?: string | null;
                  reason?: string;
                  to?: string[];
                }[];
                decision?: string | null;
                decidedBy?: string | null;
                decidedAt?: string | null;
                reason?: string | null;
                days?: number | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/access-requests/approvals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The access requests waiting on you, newest first: requester, what is asked, the record and its name, the chain and its routing */
    get: {
      parameters: {
        query?: {
          limit?: number;
          before?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                requesterId: string;
                /** @enum {string} */
                kind: 'record' | 'scope' | 'role';
                object?: string | null;
                recordId?: string | null;
                recordName?: string | null;
                recordExists?: boolean | null;
                scope?: {
                  [key: string]: unknown;
                } | null;
                roleId?: string | null;
                access?: string | null;
                requestedDays: number;
                grantedDays: number;
                reason: string;
                /** @enum {string} */
                status: 'pending' | 'approved' | 'rejected' | 'cancelled' | 'expired';
                createdAt?: string | null;
                decidedAt?: string | null;
                expiresAt?: string | null;
                closedReason?: string | null;
                currentStep?: number | null;
                steps: {
                  kind?: string;
                  of?: string | null;
                  userId?: string | null;
                  functionName?: string | null;
                  approverIds?: string[];
                  routes?: {
                    from?: string | null;
                    reason?: string;
                    to?: string[];
                  }[];
                  decision?: string | null;
                  decidedBy?: string | null;
                  decidedAt?: string | null;
                  reason?: string | null;
                  days?: number | null;
                }[];
              }[];
              nextBefore: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/access-requests/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One access request: yours, or one you approve (NOT_FOUND otherwise) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              requesterId: string;
              /** @enum {string} */
              kind: 'record' | 'scope' | 'role';
              object?: string | null;
              recordId?: string | null;
              recordName?: string | null;
              recordExists?: boolean | null;
              scope?: {
                [key: string]: unknown;
              } | null;
              roleId?: string | null;
              access?: string | null;
              requestedDays: number;
              grantedDays: number;
              reason: string;
              /** @enum {string} */
              status: 'pending' | 'approved' | 'rejected' | 'cancelled' | 'expired';
              createdAt?: string | null;
              decidedAt?: string | null;
              expiresAt?: string | null;
              closedReason?: string | null;
              currentStep?: number | null;
              steps: {
                kind?: string;
                of?: string | null;
                userId?: string | null;
                functionName?: string | null;
                approverIds?: string[];
                routes?: {
                  from?: string | null;
                  reason?: string;
                  to?: string[];
                }[];
                decision?: string | null;
                decidedBy?: string | null;
                decidedAt?: string | null;
                reason?: string | null;
                days?: number | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/access-requests/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel one of your pending access requests */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              requesterId: string;
              /** @enum {string} */
              kind: 'record' | 'scope' | 'role';
              object?: string | null;
              recordId?: string | null;
              recordName?: string | null;
              recordExists?: boolean | null;
              scope?: {
                [key: string]: unknown;
              } | null;
              roleId?: string | null;
              access?: string | null;
              requestedDays: number;
              grantedDays: number;
              reason: string;
              /** @enum {string} */
              status: 'pending' | 'approved' | 'rejected' | 'cancelled' | 'expired';
              createdAt?: string | null;
              decidedAt?: string | null;
              expiresAt?: string | null;
              closedReason?: string | null;
              currentStep?: number | null;
              steps: {
                kind?: string;
                of?: string | null;
                userId?: string | null;
                functionName?: string | null;
                approverIds?: string[];
                routes?: {
                  from?: string | null;
                  reason?: string;
                  to?: string[];
                }[];
                decision?: string | null;
                decidedBy?: string | null;
                decidedAt?: string | null;
                reason?: string | null;
                days?: number | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/access-requests/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve the step of an access request that waits on you, optionally for fewer days; the last step grants the access */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            days?: number;
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              requesterId: string;
              /** @enum {string} */
              kind: 'record' | 'scope' | 'role';
              object?: string | null;
              recordId?: string | null;
              recordName?: string | null;
              recordExists?: boolean | null;
              scope?: {
                [key: string]: unknown;
              } | null;
              roleId?: string | null;
              access?: string | null;
              requestedDays: number;
              grantedDays: number;
              reason: string;
              /** @enum {string} */
              status: 'pending' | 'approved' | 'rejected' | 'cancelled' | 'expired';
              createdAt?: string | null;
              decidedAt?: string | null;
              expiresAt?: string | null;
              closedReason?: string | null;
              currentStep?: number | null;
              steps: {
                kind?: string;
                of?: string | null;
                userId?: string | null;
                functionName?: string | null;
                approverIds?: string[];
                routes?: {
                  from?: string | null;
                  reason?: string;
                  to?: string[];
                }[];
                decision?: string | null;
                decidedBy?: string | null;
                decidedAt?: string | null;
                reason?: string | null;
                days?: number | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/access-requests/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject an access request that waits on you, with a reason */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              requesterId: string;
              /** @enum {string} */
              kind: 'record' | 'scope' | 'role';
              object?: string | null;
              recordId?: string | null;
              recordName?: string | null;
              recordExists?: boolean | null;
              scope?: {
                [key: string]: unknown;
              } | null;
              roleId?: string | null;
              access?: string | null;
              requestedDays: number;
              grantedDays: number;
              reason: string;
              /** @enum {string} */
              status: 'pending' | 'approved' | 'rejected' | 'cancelled' | 'expired';
              createdAt?: string | null;
              decidedAt?: string | null;
              expiresAt?: string | null;
              closedReason?: string | null;
              currentStep?: number | null;
              steps: {
                kind?: string;
                of?: string | null;
                userId?: string | null;
                functionName?: string | null;
                approverIds?: string[];
                routes?: {
                  from?: string | null;
                  reason?: string;
                  to?: string[];
                }[];
                decision?: string | null;
                decidedBy?: string | null;
                decidedAt?: string | null;
                reason?: string | null;
                days?: number | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/approval-chains': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The approval chains, and the default chain of each request kind */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                name: string;
                requestKind: string;
                object: string | null;
                sensitivity: string | null;
                steps: {
                  kind?: string;
                  of?: string;
                  userId?: string;
                  functionName?: string;
                }[];
                updatedAt?: string | null;
                updatedBy?: string | null;
              }[];
              defaults: {
                record?: {
                  kind?: string;
                  of?: string;
                  userId?: string;
                  functionName?: string;
                }[];
                scope?: {
                  kind?: string;
                  of?: string;
                  userId?: string;
                  functionName?: string;
                }[];
                role?: {
                  kind?: string;
                  of?: string;
                  userId?: string;
                  functionName?: string;
                }[];
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/approval-chains/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Create or replace an approval chain for a request kind, object and sensitivity (null: any) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @enum {string} */
            requestKind: 'record' | 'scope' | 'role';
            /** @enum {string|null} */
            object?: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity' | null;
            /** @enum {string|null} */
            sensitivity?: 'public' | 'internal' | 'confidential' | 'restricted' | null;
            steps: {
              /** @enum {string} */
              kind: 'manager' | 'department_head' | 'data_owner' | 'user' | 'function';
              /** @enum {string} */
              of?: 'requester' | 'record';
              /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
              userId?: string;
              functionName?: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              requestKind: string;
              object: string | null;
              sensitivity: string | null;
              steps: {
                kind?: string;
                of?: string;
                userId?: string;
                functionName?: string;
              }[];
              updatedAt?: string | null;
              updatedBy?: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    post?: never;
    /** Delete an approval chain (its requests fall to another chain or the default) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your notifications, newest first, with how many are unread */
    get: {
      parameters: {
        query?: {
          limit?: number;
          before?: string;
          /** @description Only the unread ones */
          unread?: boolean;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                kind: string;
                params: {
                  [key: string]: unknown;
                };
                link: string | null;
                createdAt: string;
                readAt: string | null;
              }[];
              unread: number;
              nextBefore: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/notifications/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark your notifications read: the ones named, or all */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            ids?: string[];
            /** @enum {boolean} */
            all?: true;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              marked: number;
              unread: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/four-eyes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The four-eyes setting: the categories held for a second administrator */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              categories: string[];
              expiryDays: number;
              updatedBy?: string | null;
              updatedAt?: string | null;
              available: string[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    /** Set the four-eyes setting; once on, turning it off or removing a category waits for a second administrator (202) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            categories: (
              | 'roles'
              | 'sharing_rules'
              | 'org_wide_defaults'
              | 'field_settings'
              | 'clearance'
              | 'confidential_grants'
              | 'sod_rules'
            )[];
            expiryDays: number;
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              setting: {
                categories: string[];
                expiryDays: number;
                updatedBy?: string | null;
                updatedAt?: string | null;
                available: string[];
              };
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/pending-changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Pending changes, newest first (status filter; decided ones stay as history) */
    get: {
      parameters: {
        query?: {
          status?: 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'expired';
          limit?: number;
          before?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                [key: string]: unknown;
              }[];
              nextBefore: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/pending-changes/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One pending change: the diff and a fresh impact preview against the current policy, and what changed since */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/pending-changes/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve: another administrator commits the change as one transaction (stale: PENDING_CHANGE_STALE) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            comment?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/pending-changes/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject with a reason (another administrator) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data?: unknown;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/pending-changes/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw (the author only) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data?: unknown;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/least-privilege/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Over-privilege per user: permissions and grants not used in the window */
    get: {
      parameters: {
        query?: {
          days?: number;
          minDenials?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/least-privilege/roles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Over-privilege per role: permissions none of its holders used in the window */
    get: {
      parameters: {
        query?: {
          days?: number;
          minDenials?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/least-privilege/denials': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Under-privilege: repeated denials per user and permission */
    get: {
      parameters: {
        query?: {
          days?: number;
          minDenials?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/least-privilege/suggestions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Role suggestions: users whose used permissions fit a smaller existing role */
    get: {
      parameters: {
        query?: {
          days?: number;
          minDenials?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/sod-rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List SoD rules */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description The nextCursor of the previous page (opaque) */
          cursor?: string;
          /** @description Name contains, case-insensitive (a grant, which has no name: its id) */
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown[];
              version: number;
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Create an SoD rule */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            id?: string;
            name: string;
            left:
              | {
                  /** @enum {string} */
                  kind: 'object';
                  /** @enum {string} */
                  object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                  /** @enum {string} */
                  action: 'read' | 'update' | 'delete' | 'create' | 'transfer' | 'share' | 'export';
                }
              | {
                  /** @enum {string} */
                  kind: 'function';
                  /** @description a function permission (lowercase letters, digits and _; at most 64 characters) */
                  name: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'role';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  roleId: string;
                };
            right:
              | {
                  /** @enum {string} */
                  kind: 'object';
                  /** @enum {string} */
                  object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                  /** @enum {string} */
                  action: 'read' | 'update' | 'delete' | 'create' | 'transfer' | 'share' | 'export';
                }
              | {
                  /** @enum {string} */
                  kind: 'function';
                  /** @description a function permission (lowercase letters, digits and _; at most 64 characters) */
                  name: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'role';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  roleId: string;
                };
            /** @description Further members: a set rule (at most one of all members) */
            others?: (
              | {
                  /** @enum {string} */
                  kind: 'object';
                  /** @enum {string} */
                  object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                  /** @enum {string} */
                  action: 'read' | 'update' | 'delete' | 'create' | 'transfer' | 'share' | 'export';
                }
              | {
                  /** @enum {string} */
                  kind: 'function';
                  /** @description a function permission (lowercase letters, digits and _; at most 64 characters) */
                  name: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'role';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  roleId: string;
                }
            )[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/sod-rules/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get an SoD rule */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    /** Replace an SoD rule */
    put: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            id?: string;
            name: string;
            left:
              | {
                  /** @enum {string} */
                  kind: 'object';
                  /** @enum {string} */
                  object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                  /** @enum {string} */
                  action: 'read' | 'update' | 'delete' | 'create' | 'transfer' | 'share' | 'export';
                }
              | {
                  /** @enum {string} */
                  kind: 'function';
                  /** @description a function permission (lowercase letters, digits and _; at most 64 characters) */
                  name: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'role';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  roleId: string;
                };
            right:
              | {
                  /** @enum {string} */
                  kind: 'object';
                  /** @enum {string} */
                  object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                  /** @enum {string} */
                  action: 'read' | 'update' | 'delete' | 'create' | 'transfer' | 'share' | 'export';
                }
              | {
                  /** @enum {string} */
                  kind: 'function';
                  /** @description a function permission (lowercase letters, digits and _; at most 64 characters) */
                  name: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'role';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  roleId: string;
                };
            /** @description Further members: a set rule (at most one of all members) */
            others?: (
              | {
                  /** @enum {string} */
                  kind: 'object';
                  /** @enum {string} */
                  object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                  /** @enum {string} */
                  action: 'read' | 'update' | 'delete' | 'create' | 'transfer' | 'share' | 'export';
                }
              | {
                  /** @enum {string} */
                  kind: 'function';
                  /** @description a function permission (lowercase letters, digits and _; at most 64 characters) */
                  name: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'role';
                  /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
                  roleId: string;
                }
            )[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    post?: never;
    /** Delete an SoD rule */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description The policy version the change is based on (ETag of a previous answer) */
          'if-match'?: string;
        };
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: unknown;
              version: number;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              pending: {
                id: string;
                /** @enum {string} */
                status: 'pending';
                categories: string[];
                /** Format: date-time */
                expiresAt: string;
                link: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/sod/conflicts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Existing SoD conflicts: per rule, the users holding two members and how */
    get: {
      parameters: {
        query?: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          ruleId?: string;
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          userId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search the audit log (审计日志), newest first */
    get: {
      parameters: {
        query?: {
          /** @description Only events of this acting user (under view as: the viewer) */
          actorId?: string;
          /** @description Only events served as this user (view as) */
          actingAsId?: string;
          /** @description An exact action (`customer.update`), or a prefix ending with a dot (`customer.`) */
          action?: string;
          /** @description Only events on this target, e.g. `customer/c-42` or `role/sales-rep` */
          target?: string;
          outcome?: 'success' | 'denied' | 'failure';
          /** @description Events at or after this instant (ISO 8601, UTC) */
          from?: string;
          /** @description Events before this instant (ISO 8601, UTC; exclusive) */
          to?: string;
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                /** Format: date-time */
                at: string;
                actorId?: string | null;
                actorName?: string | null;
                actingAsId?: string | null;
                actingAsName?: string | null;
                action: string;
                target?: string | null;
                record?: {
                  object: string;
                  id: string;
                } | null;
                /** @enum {string} */
                outcome: 'success' | 'denied' | 'failure';
                requestId?: string | null;
                ip?: string | null;
                userAgent?: string | null;
                before?: unknown;
                after?: unknown;
                maskedFields?: string[];
                hiddenFields?: number;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/actors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Users to filter the audit log by (id and name; a name or id prefix), for the actor picker */
    get: {
      parameters: {
        query?: {
          q?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              users: {
                id: string;
                name: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/events/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export the audit log (CSV or JSON), the same filters as the search, streamed */
    get: {
      parameters: {
        query?: {
          /** @description Only events of this acting user (under view as: the viewer) */
          actorId?: string;
          /** @description Only events served as this user (view as) */
          actingAsId?: string;
          /** @description An exact action (`customer.update`), or a prefix ending with a dot (`customer.`) */
          action?: string;
          /** @description Only events on this target, e.g. `customer/c-42` or `role/sales-rep` */
          target?: string;
          outcome?: 'success' | 'denied' | 'failure';
          /** @description Events at or after this instant (ISO 8601, UTC) */
          from?: string;
          /** @description Events before this instant (ISO 8601, UTC; exclusive) */
          to?: string;
          format?: 'csv' | 'json';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The history of one customer (客户变更记录): its audit events, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                /** Format: date-time */
                at: string;
                actorId?: string | null;
                actorName?: string | null;
                actingAsId?: string | null;
                actingAsName?: string | null;
                action: string;
                target?: string | null;
                record?: {
                  object: string;
                  id: string;
                } | null;
                /** @enum {string} */
                outcome: 'success' | 'denied' | 'failure';
                requestId?: string | null;
                ip?: string | null;
                userAgent?: string | null;
                before?: unknown;
                after?: unknown;
                maskedFields?: string[];
                hiddenFields?: number;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{id}/reveal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reveal the clear value of a field of one customer shown masked to you (查看原值, audited, rate-limited) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The field to reveal: one shown masked to you */
            field: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              object: string;
              id: string;
              field: string;
              value: string | number | boolean | null;
              /** Format: date-time */
              revealedAt: string;
              /** @description Reveals you may still make in the current hour */
              remaining?: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The history of one contact (联系人变更记录): its audit events, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                /** Format: date-time */
                at: string;
                actorId?: string | null;
                actorName?: string | null;
                actingAsId?: string | null;
                actingAsName?: string | null;
                action: string;
                target?: string | null;
                record?: {
                  object: string;
                  id: string;
                } | null;
                /** @enum {string} */
                outcome: 'success' | 'denied' | 'failure';
                requestId?: string | null;
                ip?: string | null;
                userAgent?: string | null;
                before?: unknown;
                after?: unknown;
                maskedFields?: string[];
                hiddenFields?: number;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts/{id}/reveal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reveal the clear value of a field of one contact shown masked to you (查看原值, audited, rate-limited) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The field to reveal: one shown masked to you */
            field: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              object: string;
              id: string;
              field: string;
              value: string | number | boolean | null;
              /** Format: date-time */
              revealedAt: string;
              /** @description Reveals you may still make in the current hour */
              remaining?: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/deals/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The history of one deal (商机变更记录): its audit events, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                /** Format: date-time */
                at: string;
                actorId?: string | null;
                actorName?: string | null;
                actingAsId?: string | null;
                actingAsName?: string | null;
                action: string;
                target?: string | null;
                record?: {
                  object: string;
                  id: string;
                } | null;
                /** @enum {string} */
                outcome: 'success' | 'denied' | 'failure';
                requestId?: string | null;
                ip?: string | null;
                userAgent?: string | null;
                before?: unknown;
                after?: unknown;
                maskedFields?: string[];
                hiddenFields?: number;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/deals/{id}/reveal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reveal the clear value of a field of one deal shown masked to you (查看原值, audited, rate-limited) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The field to reveal: one shown masked to you */
            field: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              object: string;
              id: string;
              field: string;
              value: string | number | boolean | null;
              /** Format: date-time */
              revealedAt: string;
              /** @description Reveals you may still make in the current hour */
              remaining?: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/orders/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The history of one order (订单变更记录): its audit events, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                /** Format: date-time */
                at: string;
                actorId?: string | null;
                actorName?: string | null;
                actingAsId?: string | null;
                actingAsName?: string | null;
                action: string;
                target?: string | null;
                record?: {
                  object: string;
                  id: string;
                } | null;
                /** @enum {string} */
                outcome: 'success' | 'denied' | 'failure';
                requestId?: string | null;
                ip?: string | null;
                userAgent?: string | null;
                before?: unknown;
                after?: unknown;
                maskedFields?: string[];
                hiddenFields?: number;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/orders/{id}/reveal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reveal the clear value of a field of one order shown masked to you (查看原值, audited, rate-limited) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The field to reveal: one shown masked to you */
            field: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              object: string;
              id: string;
              field: string;
              value: string | number | boolean | null;
              /** Format: date-time */
              revealedAt: string;
              /** @description Reveals you may still make in the current hour */
              remaining?: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tickets/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The history of one ticket (服务记录变更记录): its audit events, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                /** Format: date-time */
                at: string;
                actorId?: string | null;
                actorName?: string | null;
                actingAsId?: string | null;
                actingAsName?: string | null;
                action: string;
                target?: string | null;
                record?: {
                  object: string;
                  id: string;
                } | null;
                /** @enum {string} */
                outcome: 'success' | 'denied' | 'failure';
                requestId?: string | null;
                ip?: string | null;
                userAgent?: string | null;
                before?: unknown;
                after?: unknown;
                maskedFields?: string[];
                hiddenFields?: number;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tickets/{id}/reveal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reveal the clear value of a field of one ticket shown masked to you (查看原值, audited, rate-limited) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The field to reveal: one shown masked to you */
            field: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              object: string;
              id: string;
              field: string;
              value: string | number | boolean | null;
              /** Format: date-time */
              revealedAt: string;
              /** @description Reveals you may still make in the current hour */
              remaining?: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/activities/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The history of one activity (跟进记录变更记录): its audit events, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                /** Format: date-time */
                at: string;
                actorId?: string | null;
                actorName?: string | null;
                actingAsId?: string | null;
                actingAsName?: string | null;
                action: string;
                target?: string | null;
                record?: {
                  object: string;
                  id: string;
                } | null;
                /** @enum {string} */
                outcome: 'success' | 'denied' | 'failure';
                requestId?: string | null;
                ip?: string | null;
                userAgent?: string | null;
                before?: unknown;
                after?: unknown;
                maskedFields?: string[];
                hiddenFields?: number;
              }[];
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/activities/{id}/reveal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reveal the clear value of a field of one activity shown masked to you (查看原值, audited, rate-limited) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The field to reveal: one shown masked to you */
            field: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              object: string;
              id: string;
              field: string;
              value: string | number | boolean | null;
              /** Format: date-time */
              revealedAt: string;
              /** @description Reveals you may still make in the current hour */
              remaining?: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/checkpoints': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The tenant's signed audit checkpoints, oldest first, as a checkpoint file */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              format: 'custos.audit-checkpoints/1';
              checkpoints: {
                tenant: string;
                seq: number;
                hash: string;
                at: string;
                mac: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Sign the audit log head now (HMAC with the key kept outside the database); answers every checkpoint as a checkpoint file */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              format: 'custos.audit-checkpoints/1';
              checkpoints: {
                tenant: string;
                seq: number;
                hash: string;
                at: string;
                mac: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Recompute the tenant's audit chain and check it against its head and the signed checkpoints (stored and given): ok, or the first bad sequence number and why */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            format?: 'custos.audit-checkpoints/1';
            checkpoints?: {
              tenant: string;
              seq: number;
              hash: string;
              at: string;
              mac: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ok: boolean;
              tenantId: string;
              events: number;
              lastSeq: number;
              lastHash: string;
              checkpoints: number;
              signaturesChecked?: number;
              keyAvailable?: boolean;
              first?: {
                seq: number;
                problem: string;
                reason: string;
                checkpointSeq?: number;
              };
              issues: {
                seq: number;
                problem: string;
                reason: string;
                checkpointSeq?: number;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/backups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The backups holding the caller's tenant (newest first), the running backup jobs, and the schedule and retention in force */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                backups?: {
                  name: string;
                  /** @enum {string} */
                  kind: 'scheduled' | 'manual';
                  createdAt: string;
                  bytes: number;
                  readable: boolean;
                  scope?: string | null;
                  tenants?: number;
                  rows?: number | null;
                  tables?:
                    | {
                        name?: string;
                        rows?: number;
                      }[]
                    | null;
                  auditHead?: {
                    seq?: number;
                    hash?: string;
                  } | null;
                  migrations?: number;
                  dataKeys?: number;
                  verified?: boolean | null;
                  downloadable: boolean;
                }[];
                jobs?: {
                  id?: string;
                  name?: string;
                  state?: string;
                  createdAt?: string;
                  startedAt?: string | null;
                  lastError?: string | null;
                }[];
                schedule?: {
                  interval?: string;
                  keep?: string;
                  keyConfigured?: boolean;
                  /** @enum {string} */
                  keySource?: 'file' | 'secret' | 'none';
                  lastRunAt?: string | null;
                  lastStatus?: string | null;
                  lastError?: string | null;
                  nextRunAt?: string | null;
                };
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Back up the caller's tenant now, in the background (a job): answers the backup's name; the list shows it running, then done */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data?: {
                name?: string;
                jobId?: string;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/backups/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download a backup (encrypted with the server's backup key) that holds the caller's tenant alone */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          name: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts/{id}/do-not-sell': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The contact's CCPA "do not sell or share" opt-out (不出售或共享) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              contactId: string;
              /** @description The contact opted out of sale or sharing */
              optedOut: boolean;
              /**
               * @description How the request (or its withdrawal) was received; null: never recorded
               * @enum {string|null}
               */
              source:
                | 'portal'
                | 'web_form'
                | 'gpc'
                | 'phone'
                | 'email'
                | 'letter'
                | 'in_person'
                | 'other'
                | null;
              receivedAt: string | null;
              note?: string | null;
              recordedBy?: string | null;
              recordedByName?: string | null;
              recordedAt: string | null;
              /** @description Whether you may set or clear it */
              canChange: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    /** Set or clear the contact's "do not sell or share" opt-out, with its source and time (update the contact, or privacy_admin) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description true: opt out of sale or sharing; false: opt in again */
            optedOut: boolean;
            /**
             * @description How it was received: the portal, a web form, Global Privacy Control (gpc), a phone call …
             * @enum {string}
             */
            source:
              'portal' | 'web_form' | 'gpc' | 'phone' | 'email' | 'letter' | 'in_person' | 'other';
            /** @description When the request was received (ISO 8601); default now, never in the future */
            receivedAt?: string;
            note?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              contactId: string;
              /** @description The contact opted out of sale or sharing */
              optedOut: boolean;
              /**
               * @description How the request (or its withdrawal) was received; null: never recorded
               * @enum {string|null}
               */
              source:
                | 'portal'
                | 'web_form'
                | 'gpc'
                | 'phone'
                | 'email'
                | 'letter'
                | 'in_person'
                | 'other'
                | null;
              receivedAt: string | null;
              note?: string | null;
              recordedBy?: string | null;
              recordedByName?: string | null;
              recordedAt: string | null;
              /** @description Whether you may set or clear it */
              canChange: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/privacy/retention/catalogue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The objects and their fields a rule may name (the tenant's policy) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              objects: {
                /** @enum {string} */
                object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                fields: {
                  name: string;
                  label?: string | null;
                  encrypted: boolean;
                }[];
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/privacy/retention/rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The retention rules (数据保留规则), with their last run */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                name: string;
                /** @enum {string} */
                object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
                condition?: {
                  field?: string;
                  /** @enum {string} */
                  op?: 'eq' | 'in';
                  values?: (string | number | boolean)[];
                } | null;
                ageAmount: number;
                /** @enum {string} */
                ageUnit: 'days' | 'months' | 'years';
                ageField?: string | null;
                /** @enum {string} */
                action: 'delete' | 'anonymise';
                anonymiseFields?: string[];
                enabled: boolean;
                lastRunAt?: string | null;
                lastCount?: number | null;
                lastComplete?: boolean | null;
                createdAt?: string;
                createdBy?: string | null;
                updatedAt?: string;
                updatedBy?: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Create a retention rule (checked against the policy; audited) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @enum {string} */
            object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
            /** @description Records whose field equals the value (`eq`) or one of the values (`in`); null: all */
            condition?: {
              field: string;
              /** @enum {string} */
              op: 'eq' | 'in';
              values: (string | number | boolean)[];
            } | null;
            ageAmount: number;
            /** @enum {string} */
            ageUnit: 'days' | 'months' | 'years';
            /** @description A date field the age counts from; null or absent: the last change */
            ageField?: string | null;
            /** @enum {string} */
            action: 'delete' | 'anonymise';
            /** @description `anonymise`: the fields cleared */
            anonymiseFields?: string[];
            /** @default false */
            enabled?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              /** @enum {string} */
              object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
              condition?: {
                field?: string;
                /** @enum {string} */
                op?: 'eq' | 'in';
                values?: (string | number | boolean)[];
              } | null;
              ageAmount: number;
              /** @enum {string} */
              ageUnit: 'days' | 'months' | 'years';
              ageField?: string | null;
              /** @enum {string} */
              action: 'delete' | 'anonymise';
              anonymiseFields?: string[];
              enabled: boolean;
              lastRunAt?: string | null;
              lastCount?: number | null;
              lastComplete?: boolean | null;
              createdAt?: string;
              createdBy?: string | null;
              updatedAt?: string;
              updatedBy?: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/privacy/retention/rules/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change a retention rule (enable, disable, edit; audited with before and after) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @enum {string} */
            object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
            /** @description Records whose field equals the value (`eq`) or one of the values (`in`); null: all */
            condition?: {
              field: string;
              /** @enum {string} */
              op: 'eq' | 'in';
              values: (string | number | boolean)[];
            } | null;
            ageAmount: number;
            /** @enum {string} */
            ageUnit: 'days' | 'months' | 'years';
            /** @description A date field the age counts from; null or absent: the last change */
            ageField?: string | null;
            /** @enum {string} */
            action: 'delete' | 'anonymise';
            /** @description `anonymise`: the fields cleared */
            anonymiseFields?: string[];
            /** @default false */
            enabled?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              /** @enum {string} */
              object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
              condition?: {
                field?: string;
                /** @enum {string} */
                op?: 'eq' | 'in';
                values?: (string | number | boolean)[];
              } | null;
              ageAmount: number;
              /** @enum {string} */
              ageUnit: 'days' | 'months' | 'years';
              ageField?: string | null;
              /** @enum {string} */
              action: 'delete' | 'anonymise';
              anonymiseFields?: string[];
              enabled: boolean;
              lastRunAt?: string | null;
              lastCount?: number | null;
              lastComplete?: boolean | null;
              createdAt?: string;
              createdBy?: string | null;
              updatedAt?: string;
              updatedBy?: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    post?: never;
    /** Delete a retention rule (audited; what it removed stays in the audit trail) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/privacy/retention/rules/{id}/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Dry run of a stored rule: what it would delete or anonymise now (nothing changes) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ruleId?: string | null;
              /** @enum {string} */
              object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
              /** @enum {string} */
              action: 'delete' | 'anonymise';
              /** @description Records whose age counts from before this go */
              cutoff: string;
              /** @description Records of the object the rule takes now */
              total: number;
              /** @description Records per object */
              byObject: {
                [key: string]: number;
              };
              byYear: {
                year: number;
                count: number;
              }[];
              /** @description Records the rule would take but a legal hold keeps */
              held: number;
              /** @description The oldest records it takes that you may read */
              sample: {
                id: string;
                name?: string | null;
                ageFrom: string;
              }[];
              /** @description Records of the sample you may not read */
              sampleUnreadable?: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/privacy/retention/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Dry run of an unsaved rule (checked as a save would be; nothing changes) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @enum {string} */
            object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
            /** @description Records whose field equals the value (`eq`) or one of the values (`in`); null: all */
            condition?: {
              field: string;
              /** @enum {string} */
              op: 'eq' | 'in';
              values: (string | number | boolean)[];
            } | null;
            ageAmount: number;
            /** @enum {string} */
            ageUnit: 'days' | 'months' | 'years';
            /** @description A date field the age counts from; null or absent: the last change */
            ageField?: string | null;
            /** @enum {string} */
            action: 'delete' | 'anonymise';
            /** @description `anonymise`: the fields cleared */
            anonymiseFields?: string[];
            /** @default false */
            enabled?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ruleId?: string | null;
              /** @enum {string} */
              object: 'customer' | 'contact' | 'deal' | 'order' | 'ticket' | 'activity';
              /** @enum {string} */
              action: 'delete' | 'anonymise';
              /** @description Records whose age counts from before this go */
              cutoff: string;
              /** @description Records of the object the rule takes now */
              total: number;
              /** @description Records per object */
              byObject: {
                [key: string]: number;
              };
              byYear: {
                year: number;
                count: number;
              }[];
              /** @description Records the rule would take but a legal hold keeps */
              held: number;
              /** @description The oldest records it takes that you may read */
              sample: {
                id: string;
                name?: string | null;
                ageFrom: string;
              }[];
              /** @description Records of the sample you may not read */
              sampleUnreadable?: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/privacy/retention/run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Apply retention now (as the daily job does): the rules named, or every enabled rule; audited */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            ruleIds?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              rules: {
                ruleId: string;
                count: number;
                complete: boolean;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/privacy/legal-holds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Legal holds: customers whose records no retention rule touches (法律保留) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                customerId: string;
                customerName?: string | null;
                reason: string;
                setBy?: string | null;
                setAt: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/privacy/legal-holds/{customerId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Place a legal hold on a customer: retention keeps all its records (audited) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          customerId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              customerId: string;
              customerName?: string | null;
              reason: string;
              setBy?: string | null;
              setAt: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    post?: never;
    /** Release a legal hold (audited): retention rules apply to the customer again */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          customerId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/encryption': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Key versions, encrypted fields with their values per key version, the sweep */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              activeVersion: number;
              /** @description Whether the caller may turn a field’s encryption on or off (object.set_field needs role_admin) */
              mayChangeFields: boolean;
              keys: {
                version: number;
                /** @enum {string} */
                state: 'active' | 'retired';
                createdAt: string;
                retiredAt: string | null;
              }[];
              objects: {
                object: string;
                fields: {
                  field: string;
                  /** @description The field’s whole setting (object.set_field replaces it: send it back with encrypted changed) */
                  setting: {
                    /**
                     * @description Field sensitivity: above the reader's clearance the field is hidden
                     * @enum {string}
                     */
                    sensitivity?: 'public' | 'internal' | 'confidential' | 'restricted';
                    /**
                     * @description How a masked value of this field is shown
                     * @enum {string}
                     */
                    mask?: 'phone' | 'email' | 'id_number' | 'bank_account' | 'name' | 'text';
                    /** @description Internal-only field (内部备注): never shown to portal users */
                    internal?: boolean;
                    /** @description Stored encrypted at rest (存储加密, AES-256-GCM under the tenant data key): decrypted only for callers who read it in clear; exact-match search through a blind index */
                    encrypted?: boolean;
                    /** @description Human label, for explanations and the console */
                    label?: string;
                  };
                  label: string | null;
                  encrypted: boolean;
                  /** @description Values per key: `v<n>` a data key version, `subject` a person’s own key, `clear` */
                  values: {
                    [key: string]: number;
                  };
                }[];
              }[];
              /** @description Values per key: `v<n>` a data key version, `subject` a person’s own key, `clear` */
              valuesByKey: {
                [key: string]: number;
              };
              sweep: {
                id: string;
                /** @enum {string} */
                state: 'running' | 'done' | 'failed';
                /** @enum {string} */
                trigger: 'rotate' | 'policy' | 'manual';
                reason: string;
                requestedBy: string | null;
                targetVersion: number;
                pass: number;
                /** @description Records visited in this pass, of all (0–100) */
                percent: number;
                tables: {
                  [key: string]: {
                    done: number;
                    total: number;
                    finished: boolean;
                  };
                };
                counts: {
                  [key: string]: number;
                };
                errors: {
                  at: string;
                  object: string;
                  recordId: string;
                  field: string;
                  code: string;
                  message: string;
                }[];
                remaining: number | null;
                startedAt: string;
                updatedAt: string;
                finishedAt: string | null;
              } | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/encryption/rotate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rotate the data key: a new version, every value re-sealed in the background */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              fromVersion: number;
              version: number;
              sweep: {
                id: string;
                /** @enum {string} */
                state: 'running' | 'done' | 'failed';
                /** @enum {string} */
                trigger: 'rotate' | 'policy' | 'manual';
                reason: string;
                requestedBy: string | null;
                targetVersion: number;
                pass: number;
                /** @description Records visited in this pass, of all (0–100) */
                percent: number;
                tables: {
                  [key: string]: {
                    done: number;
                    total: number;
                    finished: boolean;
                  };
                };
                counts: {
                  [key: string]: number;
                };
                errors: {
                  at: string;
                  object: string;
                  recordId: string;
                  field: string;
                  code: string;
                  message: string;
                }[];
                remaining: number | null;
                startedAt: string;
                updatedAt: string;
                finishedAt: string | null;
              };
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/encryption/sweep': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The current (or last) re-encryption sweep’s progress, and the recent ones */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              sweep: {
                id: string;
                /** @enum {string} */
                state: 'running' | 'done' | 'failed';
                /** @enum {string} */
                trigger: 'rotate' | 'policy' | 'manual';
                reason: string;
                requestedBy: string | null;
                targetVersion: number;
                pass: number;
                /** @description Records visited in this pass, of all (0–100) */
                percent: number;
                tables: {
                  [key: string]: {
                    done: number;
                    total: number;
                    finished: boolean;
                  };
                };
                counts: {
                  [key: string]: number;
                };
                errors: {
                  at: string;
                  object: string;
                  recordId: string;
                  field: string;
                  code: string;
                  message: string;
                }[];
                remaining: number | null;
                startedAt: string;
                updatedAt: string;
                finishedAt: string | null;
              } | null;
              recent: {
                id: string;
                /** @enum {string} */
                state: 'running' | 'done' | 'failed';
                /** @enum {string} */
                trigger: 'rotate' | 'policy' | 'manual';
                reason: string;
                requestedBy: string | null;
                targetVersion: number;
                pass: number;
                /** @description Records visited in this pass, of all (0–100) */
                percent: number;
                tables: {
                  [key: string]: {
                    done: number;
                    total: number;
                    finished: boolean;
                  };
                };
                counts: {
                  [key: string]: number;
                };
                errors: {
                  at: string;
                  object: string;
                  recordId: string;
                  field: string;
                  code: string;
                  message: string;
                }[];
                remaining: number | null;
                startedAt: string;
                updatedAt: string;
                finishedAt: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts/{id}/consents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A contact's consent records (同意记录): as the contact is read */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                contactId: string;
                purpose: string;
                lawfulBasis: string;
                source: string;
                note?: string | null;
                givenAt: string;
                withdrawnAt?: string | null;
                recordedBy?: string | null;
                recordedByName?: string | null;
                withdrawnBy?: string | null;
                withdrawnByName?: string | null;
                withdrawReason?: string | null;
                active: boolean;
              }[];
              canWrite: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Record a consent given (update on the contact, or privacy_admin) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            purpose: string;
            /** @enum {string} */
            lawfulBasis:
              | 'consent'
              | 'contract'
              | 'legal_obligation'
              | 'vital_interests'
              | 'public_task'
              | 'legitimate_interests';
            /** @enum {string} */
            source: 'web_form' | 'phone' | 'email' | 'in_person' | 'import' | 'portal';
            note?: string;
            /** Format: date-time */
            givenAt?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              contactId: string;
              purpose: string;
              lawfulBasis: string;
              source: string;
              note?: string | null;
              givenAt: string;
              withdrawnAt?: string | null;
              recordedBy?: string | null;
              recordedByName?: string | null;
              withdrawnBy?: string | null;
              withdrawnByName?: string | null;
              withdrawReason?: string | null;
              active: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts/{id}/consents/{consentId}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record that a consent was withdrawn (GDPR Art. 7(3)) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          id: string;
          consentId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              contactId: string;
              purpose: string;
              lawfulBasis: string;
              source: string;
              note?: string | null;
              givenAt: string;
              withdrawnAt?: string | null;
              recordedBy?: string | null;
              recordedByName?: string | null;
              withdrawnBy?: string | null;
              withdrawnByName?: string | null;
              withdrawReason?: string | null;
              active: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/privacy/requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The data-subject request queue (隐私请求), nearest deadline first */
    get: {
      parameters: {
        query?: {
          status?: 'received' | 'verifying' | 'in_progress' | 'completed' | 'rejected' | 'open';
          kind?:
            | 'access'
            | 'portability'
            | 'erasure'
            | 'rectification'
            | 'restriction'
            | 'objection'
            | 'opt_out_of_sale';
          /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
          contactId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: string;
                /** @enum {string} */
                kind:
                  | 'access'
                  | 'portability'
                  | 'erasure'
                  | 'rectification'
                  | 'restriction'
                  | 'objection'
                  | 'opt_out_of_sale';
                /** @enum {string} */
                regime: 'gdpr' | 'ccpa';
                /** @enum {string} */
                status: 'received' | 'verifying' | 'in_progress' | 'completed' | 'rejected';
                contactId?: string | null;
                contactName?: string | null;
                customerId?: string | null;
                requesterName?: string | null;
                requesterEmail?: string | null;
                notes?: string | null;
                receivedAt: string;
                dueAt: string;
                /** @enum {string|null} */
                deadline: 'overdue' | 'due_soon' | 'on_time' | null;
                canExtend?: boolean;
                extendedAt?: string | null;
                extensionReason?: string | null;
                ownerId?: string | null;
                ownerName?: string | null;
                createdBy?: string | null;
                closedAt?: string | null;
                closedReason?: string | null;
                evidence?: ({
                  /** @enum {string} */
                  kind: 'erasure' | 'archive';
                } & {
                  [key: string]: unknown;
                })[];
                timeline: {
                  at: string;
                  actorId?: string | null;
                  actorName?: string | null;
                  what: string;
                  detail?: {
                    [key: string]: unknown;
                  };
                }[];
              }[];
              owners: {
                id: string;
                name: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Log a data-subject request; its legal deadline counts from receipt */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            kind:
              | 'access'
              | 'portability'
              | 'erasure'
              | 'rectification'
              | 'restriction'
              | 'objection'
              | 'opt_out_of_sale';
            /** @enum {string} */
            regime: 'gdpr' | 'ccpa';
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            contactId?: string;
            requesterName?: string;
            requesterEmail?: string;
            notes?: string;
            /** Format: date-time */
            receivedAt?: string;
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            ownerId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              kind:
                | 'access'
                | 'portability'
                | 'erasure'
                | 'rectification'
                | 'restriction'
                | 'objection'
                | 'opt_out_of_sale';
              /** @enum {string} */
              regime: 'gdpr' | 'ccpa';
              /** @enum {string} */
              status: 'received' | 'verifying' | 'in_progress' | 'completed' | 'rejected';
              contactId?: string | null;
              contactName?: string | null;
              customerId?: string | null;
              requesterName?: string | null;
              requesterEmail?: string | null;
              notes?: string | null;
              receivedAt: string;
              dueAt: string;
              /** @enum {string|null} */
              deadline: 'overdue' | 'due_soon' | 'on_time' | null;
              canExtend?: boolean;
              extendedAt?: string | null;
              extensionReason?: string | null;
              ownerId?: string | null;
              ownerName?: string | null;
              createdBy?: string | null;
              closedAt?: string | null;
              closedReason?: string | null;
              evidence?: ({
                /** @enum {string} */
                kind: 'erasure' | 'archive';
              } & {
                [key: string]: unknown;
              })[];
              timeline: {
                at: string;
                actorId?: string | null;
                actorName?: string | null;
                what: string;
                detail?: {
                  [key: string]: unknown;
                };
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/privacy/requests/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One data-subject request with its timeline and evidence */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              kind:
                | 'access'
                | 'portability'
                | 'erasure'
                | 'rectification'
                | 'restriction'
                | 'objection'
                | 'opt_out_of_sale';
              /** @enum {string} */
              regime: 'gdpr' | 'ccpa';
              /** @enum {string} */
              status: 'received' | 'verifying' | 'in_progress' | 'completed' | 'rejected';
              contactId?: string | null;
              contactName?: string | null;
              customerId?: string | null;
              requesterName?: string | null;
              requesterEmail?: string | null;
              notes?: string | null;
              receivedAt: string;
              dueAt: string;
              /** @enum {string|null} */
              deadline: 'overdue' | 'due_soon' | 'on_time' | null;
              canExtend?: boolean;
              extendedAt?: string | null;
              extensionReason?: string | null;
              ownerId?: string | null;
              ownerName?: string | null;
              createdBy?: string | null;
              closedAt?: string | null;
              closedReason?: string | null;
              evidence?: ({
                /** @enum {string} */
                kind: 'erasure' | 'archive';
              } & {
                [key: string]: unknown;
              })[];
              timeline: {
                at: string;
                actorId?: string | null;
                actorName?: string | null;
                what: string;
                detail?: {
                  [key: string]: unknown;
                };
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/privacy/requests/{id}/assign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Give the request to a privacy_admin holder */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            ownerId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              kind:
                | 'access'
                | 'portability'
                | 'erasure'
                | 'rectification'
                | 'restriction'
                | 'objection'
                | 'opt_out_of_sale';
              /** @enum {string} */
              regime: 'gdpr' | 'ccpa';
              /** @enum {string} */
              status: 'received' | 'verifying' | 'in_progress' | 'completed' | 'rejected';
              contactId?: string | null;
              contactName?: string | null;
              customerId?: string | null;
              requesterName?: string | null;
              requesterEmail?: string | null;
              notes?: string | null;
              receivedAt: string;
              dueAt: string;
              /** @enum {string|null} */
              deadline: 'overdue' | 'due_soon' | 'on_time' | null;
              canExtend?: boolean;
              extendedAt?: string | null;
              extensionReason?: string | null;
              ownerId?: string | null;
              ownerName?: string | null;
              createdBy?: string | null;
              closedAt?: string | null;
              closedReason?: string | null;
              evidence?: ({
                /** @enum {string} */
                kind: 'erasure' | 'archive';
              } & {
                [key: string]: unknown;
              })[];
              timeline: {
                at: string;
                actorId?: string | null;
                actorName?: string | null;
                what: string;
                detail?: {
                  [key: string]: unknown;
                };
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/privacy/requests/{id}/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move the request on: verifying the requester's identity, or in progress */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'verifying' | 'in_progress';
            note?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              kind:
                | 'access'
                | 'portability'
                | 'erasure'
                | 'rectification'
                | 'restriction'
                | 'objection'
                | 'opt_out_of_sale';
              /** @enum {string} */
              regime: 'gdpr' | 'ccpa';
              /** @enum {string} */
              status: 'received' | 'verifying' | 'in_progress' | 'completed' | 'rejected';
              contactId?: string | null;
              contactName?: string | null;
              customerId?: string | null;
              requesterName?: string | null;
              requesterEmail?: string | null;
              notes?: string | null;
              receivedAt: string;
              dueAt: string;
              /** @enum {string|null} */
              deadline: 'overdue' | 'due_soon' | 'on_time' | null;
              canExtend?: boolean;
              extendedAt?: string | null;
              extensionReason?: string | null;
              ownerId?: string | null;
              ownerName?: string | null;
              createdBy?: string | null;
              closedAt?: string | null;
              closedReason?: string | null;
              evidence?: ({
                /** @enum {string} */
                kind: 'erasure' | 'archive';
              } & {
                [key: string]: unknown;
              })[];
              timeline: {
                at: string;
                actorId?: string | null;
                actorName?: string | null;
                what: string;
                detail?: {
                  [key: string]: unknown;
                };
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/privacy/requests/{id}/subject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Link the request to the contact it is about */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description an id (a lowercase letter, then lowercase letters and digits, words joined by single - _ or ., at most 128 characters) */
            contactId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              kind:
                | 'access'
                | 'portability'
                | 'erasure'
                | 'rectification'
                | 'restriction'
                | 'objection'
                | 'opt_out_of_sale';
              /** @enum {string} */
              regime: 'gdpr' | 'ccpa';
              /** @enum {string} */
              status: 'received' | 'verifying' | 'in_progress' | 'completed' | 'rejected';
              contactId?: string | null;
              contactName?: string | null;
              customerId?: string | null;
              requesterName?: string | null;
              requesterEmail?: string | null;
              notes?: string | null;
              receivedAt: string;
              dueAt: string;
              /** @enum {string|null} */
              deadline: 'overdue' | 'due_soon' | 'on_time' | null;
              canExtend?: boolean;
              extendedAt?: string | null;
              extensionReason?: string | null;
              ownerId?: string | null;
              ownerName?: string | null;
              createdBy?: string | null;
              closedAt?: string | null;
              closedReason?: string | null;
              evidence?: ({
                /** @enum {string} */
                kind: 'erasure' | 'archive';
              } & {
                [key: string]: unknown;
              })[];
              timeline: {
                at: string;
                actorId?: string | null;
                actorName?: string | null;
                what: string;
                detail?: {
                  [key: string]: unknown;
                };
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/privacy/requests/{id}/extend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Extend the deadline once, with the reason the subject is told (GDPR +2 months, CCPA +45 days) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              kind:
                | 'access'
                | 'portability'
                | 'erasure'
                | 'rectification'
                | 'restriction'
                | 'objection'
                | 'opt_out_of_sale';
              /** @enum {string} */
              regime: 'gdpr' | 'ccpa';
              /** @enum {string} */
              status: 'received' | 'verifying' | 'in_progress' | 'completed' | 'rejected';
              contactId?: string | null;
              contactName?: string | null;
              customerId?: string | null;
              requesterName?: string | null;
              requesterEmail?: string | null;
              notes?: string | null;
              receivedAt: string;
              dueAt: string;
              /** @enum {string|null} */
              deadline: 'overdue' | 'due_soon' | 'on_time' | null;
              canExtend?: boolean;
              extendedAt?: string | null;
              extensionReason?: string | null;
              ownerId?: string | null;
              ownerName?: string | null;
              createdBy?: string | null;
              closedAt?: string | null;
              closedReason?: string | null;
              evidence?: ({
                /** @enum {string} */
                kind: 'erasure' | 'archive';
              } & {
                [key: string]: unknown;
              })[];
              timeline: {
                at: string;
                actorId?: string | null;
                actorName?: string | null;
                what: string;
                detail?: {
                  [key: string]: unknown;
                };
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/privacy/requests/{id}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close the request as done */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              kind:
                | 'access'
                | 'portability'
                | 'erasure'
                | 'rectification'
                | 'restriction'
                | 'objection'
                | 'opt_out_of_sale';
              /** @enum {string} */
              regime: 'gdpr' | 'ccpa';
              /** @enum {string} */
              status: 'received' | 'verifying' | 'in_progress' | 'completed' | 'rejected';
              contactId?: string | null;
              contactName?: string | null;
              customerId?: string | null;
              requesterName?: string | null;
              requesterEmail?: string | null;
              notes?: string | null;
              receivedAt: string;
              dueAt: string;
              /** @enum {string|null} */
              deadline: 'overdue' | 'due_soon' | 'on_time' | null;
              canExtend?: boolean;
              extendedAt?: string | null;
              extensionReason?: string | null;
              ownerId?: string | null;
              ownerName?: string | null;
              createdBy?: string | null;
              closedAt?: string | null;
              closedReason?: string | null;
              evidence?: ({
                /** @enum {string} */
                kind: 'erasure' | 'archive';
              } & {
                [key: string]: unknown;
              })[];
              timeline: {
                at: string;
                actorId?: string | null;
                actorName?: string | null;
                what: string;
                detail?: {
                  [key: string]: unknown;
                };
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/privacy/requests/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Refuse the request, with the reason the subject is told */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              kind:
                | 'access'
                | 'portability'
                | 'erasure'
                | 'rectification'
                | 'restriction'
                | 'objection'
                | 'opt_out_of_sale';
              /** @enum {string} */
              regime: 'gdpr' | 'ccpa';
              /** @enum {string} */
              status: 'received' | 'verifying' | 'in_progress' | 'completed' | 'rejected';
              contactId?: string | null;
              contactName?: string | null;
              customerId?: string | null;
              requesterName?: string | null;
              requesterEmail?: string | null;
              notes?: string | null;
              receivedAt: string;
              dueAt: string;
              /** @enum {string|null} */
              deadline: 'overdue' | 'due_soon' | 'on_time' | null;
              canExtend?: boolean;
              extendedAt?: string | null;
              extensionReason?: string | null;
              ownerId?: string | null;
              ownerName?: string | null;
              createdBy?: string | null;
              closedAt?: string | null;
              closedReason?: string | null;
              evidence?: ({
                /** @enum {string} */
                kind: 'erasure' | 'archive';
              } & {
                [key: string]: unknown;
              })[];
              timeline: {
                at: string;
                actorId?: string | null;
                actorName?: string | null;
                what: string;
                detail?: {
                  [key: string]: unknown;
                };
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/privacy/requests/{id}/erase': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Erase the request's subject: anonymise the contact and crypto-shred their key (cannot be undone) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            confirm: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @enum {string} */
              kind:
                | 'access'
                | 'portability'
                | 'erasure'
                | 'rectification'
                | 'restriction'
                | 'objection'
                | 'opt_out_of_sale';
              /** @enum {string} */
              regime: 'gdpr' | 'ccpa';
              /** @enum {string} */
              status: 'received' | 'verifying' | 'in_progress' | 'completed' | 'rejected';
              contactId?: string | null;
              contactName?: string | null;
              customerId?: string | null;
              requesterName?: string | null;
              requesterEmail?: string | null;
              notes?: string | null;
              receivedAt: string;
              dueAt: string;
              /** @enum {string|null} */
              deadline: 'overdue' | 'due_soon' | 'on_time' | null;
              canExtend?: boolean;
              extendedAt?: string | null;
              extensionReason?: string | null;
              ownerId?: string | null;
              ownerName?: string | null;
              createdBy?: string | null;
              closedAt?: string | null;
              closedReason?: string | null;
              evidence?: ({
                /** @enum {string} */
                kind: 'erasure' | 'archive';
              } & {
                [key: string]: unknown;
              })[];
              timeline: {
                at: string;
                actorId?: string | null;
                actorName?: string | null;
                what: string;
                detail?: {
                  [key: string]: unknown;
                };
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/privacy/requests/{id}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The subject's data as one zip of JSON and CSV (GDPR Art. 15/20, CCPA right to know), audited as privacy.export */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              message: string;
              details: {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: never;
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
