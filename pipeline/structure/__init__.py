"""Document structure: heading tree, metadata (文号, issuers, dates), attachments,
contacts and cited documents. Each module holds one stage ``Document -> Document``
that only adds annotations; the rules they use live in ``pipeline/data``.
"""
